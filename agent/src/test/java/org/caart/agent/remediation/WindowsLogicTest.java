package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.RegistryValueType;
import org.junit.jupiter.api.Test;

/** The pure parts of the Windows fixes: security templates, registry values as journal text, target holders. */
class WindowsLogicTest {

    @Test
    void aSystemAccessTemplateHasOneSettingNumbersBareTextQuoted() {
        assertEquals("[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n"
                + "[System Access]\r\nLockoutDuration = 15\r\n", SeceditInf.systemAccess("LockoutDuration", "15"));
        assertEquals(true, SeceditInf.systemAccess("NewGuestName",
                "visitor").endsWith("NewGuestName = \"visitor\"\r\n"));
    }

    @Test
    void aPrivilegeRightsTemplateWritesSidsWithAStarAndNamesAsTheyAre() {
        assertEquals(true, SeceditInf.privilegeRight("SeBackupPrivilege", List.of("S-1-5-32-544", "*S-1-5-32-551",
                "backup-svc")).endsWith("SeBackupPrivilege = *S-1-5-32-544,*S-1-5-32-551,backup-svc\r\n"));
        assertEquals(true, SeceditInf.privilegeRight("SeTcbPrivilege", List.of()).endsWith("SeTcbPrivilege = \r\n"));
    }

    @Test
    void templatesAreUtf16WithAByteOrderMark() {
        byte[] bytes = SeceditInf.bytes("[Unicode]");
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        assertEquals("[Unicode]", new String(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16LE));
    }

    @Test
    void registryValuesSurviveTheJournalExactly() {
        for (RegistryValue value : List.of(RegistryValue.dword(4294967295L), RegistryValue.qword(-2),
                RegistryValue.string("a:b"), RegistryValue.expandString("%SystemRoot%"),
                RegistryValue.multiString(List.of("x", "", "y")), RegistryValue.binary(new byte[] {0, 1,
                        (byte) 255}))) {
            assertEquals(value, RegistryData.decode(RegistryData.encode(value)));
        }
    }

    @Test
    void aTargetKeepsTheExistingTypeAndDefaultsToDwordForNumbers() {
        assertEquals(RegistryValue.dword(1), RegistryData.target("1", null));
        assertEquals(RegistryValue.string("1"), RegistryData.target("1", RegistryValueType.REG_SZ));
        assertEquals(RegistryValue.qword(900), RegistryData.target("900", RegistryValueType.REG_QWORD));
        assertEquals(RegistryValue.string("Block"), RegistryData.target("Block", null));
    }

    @Test
    void userRightHoldersFollowTheChecksOperator() {
        List<String> now = List.of("S-1-5-32-544", "S-1-1-0");
        assertEquals(List.of("S-1-5-32-544"), UserRightFix.holders("only", now, List.of("*S-1-5-32-544",
                "S-1-5-32-555")));
        assertEquals(List.of("S-1-5-32-544", "S-1-1-0", "S-1-5-32-546"), UserRightFix.holders("includes", now,
                List.of("S-1-5-32-546")));
        assertEquals(List.of("S-1-5-32-544"), UserRightFix.holders("excludes", now, List.of("s-1-1-0")));
        assertEquals(List.of(), UserRightFix.holders("exactly", now, List.of()));
    }

    @Test
    void auditFlagsChangeOnlyWhatTheCheckNames() {
        assertEquals(3, AuditPolicyFix.flags(1, Optional.empty(), Optional.of(true)));
        assertEquals(2, AuditPolicyFix.flags(3, Optional.of(false), Optional.empty()));
        assertEquals(0, AuditPolicyFix.flags(3, Optional.of(false), Optional.of(false)));
    }
}
