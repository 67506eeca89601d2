package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecurityPolicyParserTest {

    private final SecurityPolicy policy = SecurityPolicyParser.parse(Fixtures.bytes("secedit.inf"));

    @Test
    void readsSystemAccessFromUtf16LittleEndianWithBom() {
        assertEquals("14", policy.setting("MinimumPasswordLength").orElseThrow());
        assertEquals("24", policy.setting("passwordhistorysize").orElseThrow());
    }

    @Test
    void quotedNamesAreUnquoted() {
        assertEquals("LocalBoss", policy.setting("NewAdministratorName").orElseThrow());
    }

    @Test
    void rightsListSidsWithoutTheStarAndNamesAsWritten() {
        assertEquals(List.of("S-1-1-0", "S-1-5-32-544", "S-1-5-32-545", "S-1-5-32-551"),
                policy.holders("SeNetworkLogonRight"));
        assertEquals(List.of("Guest"), policy.holders("SeDenyNetworkLogonRight"));
    }

    @Test
    void aRightNobodyHoldsIsEmpty() {
        assertTrue(policy.holders("SeTcbPrivilege").isEmpty());
    }

    @Test
    void registryValuesAreTyped() {
        String lsa = "MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\";
        assertEquals(RegistryValue.dword(5), policy.registryValues().get(lsa + "LmCompatibilityLevel"));
        assertEquals(RegistryValueType.REG_MULTI_SZ, policy.registryValues().get(
                "MACHINE\\System\\CurrentControlSet\\Control\\SecurePipeServers\\Winreg\\AllowedExactPaths\\Machine").type());
    }

    @Test
    void eventAuditIsKept() {
        assertEquals("3", policy.eventAudit().get("AuditSystemEvents"));
    }

    @Test
    void utf8AndBomlessUtf16AreAccepted() {
        String text = "[System Access]\r\nMinimumPasswordLength = 8\r\n";
        assertEquals("8", SecurityPolicyParser.parse(text.getBytes(StandardCharsets.UTF_8))
                .setting("MinimumPasswordLength").orElseThrow());
        assertEquals("8", SecurityPolicyParser.parse(text.getBytes(StandardCharsets.UTF_16LE))
                .setting("MinimumPasswordLength").orElseThrow());
    }
}
