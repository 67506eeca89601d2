package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Service start types and firewall precedence, computed from registry values as on Windows. */
class WindowsRegistryLogicTest {

    private static final String POLICY = "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\";
    private static final String LOCAL =
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\";

    @Test
    void groupPolicyWinsOverTheLocalFirewallSetting() {
        FakeRegistry registry = new FakeRegistry()
                .put(POLICY + "PublicProfile", "EnableFirewall", RegistryValue.dword(1))
                .put(LOCAL + "PublicProfile", "EnableFirewall", RegistryValue.dword(0));
        FirewallSetting setting = WindowsFirewall.setting(registry, FirewallProfile.PUBLIC, "EnableFirewall");
        assertEquals(Optional.of(RegistryValue.dword(1)), setting.value());
        assertTrue(setting.source().contains("Policies"));
    }

    @Test
    void theLocalPrivateProfileIsCalledStandardProfile() {
        FakeRegistry registry = new FakeRegistry().put(LOCAL + "StandardProfile\\Logging", "LogFileSize",
                RegistryValue.dword(16384));
        FirewallSetting setting = WindowsFirewall.setting(registry, FirewallProfile.PRIVATE, "Logging\\LogFileSize");
        assertEquals(16384, setting.value().orElseThrow().number().getAsLong());
    }

    @Test
    void aSettingSetNowhereIsEmptyAndSaysWhereItLooked() {
        FirewallSetting setting = WindowsFirewall.setting(new FakeRegistry(), FirewallProfile.DOMAIN, "EnableFirewall");
        assertFalse(setting.value().isPresent());
        assertTrue(setting.source().contains("DomainProfile"));
    }

    @Test
    void serviceStartTypesComeFromStartAndDelayedAutostart() {
        String services = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\";
        FakeRegistry registry = new FakeRegistry()
                .put(services + "Spooler", "Start", RegistryValue.dword(4))
                .put(services + "wuauserv", "Start", RegistryValue.dword(2))
                .put(services + "wuauserv", "DelayedAutostart", RegistryValue.dword(1))
                .put(services + "Broken", "Start", RegistryValue.string("x"));
        assertEquals(Optional.of(ServiceStartType.DISABLED), WindowsServices.startType(registry, "Spooler"));
        assertEquals(Optional.of(ServiceStartType.AUTOMATIC_DELAYED), WindowsServices.startType(registry, "wuauserv"));
        assertEquals(Optional.empty(), WindowsServices.startType(registry, "NotThere"));
        assertThrows(PlatformException.class, () -> WindowsServices.startType(registry, "Broken"));
    }

    @Test
    void auditFlagsMapToSuccessAndFailure() {
        assertEquals(new AuditSetting(true, true), AuditSetting.ofFlags(3));
        assertEquals("Failure", AuditSetting.ofFlags(2).text());
        assertEquals("No Auditing", AuditSetting.ofFlags(4).text());
    }

    @Test
    void nonWindowsRegistryIsUnavailable() {
        UnavailableRegistry registry = new UnavailableRegistry(OsFamily.LINUX);
        assertFalse(registry.available());
        assertThrows(PlatformException.class, () -> registry.value("HKLM\\SOFTWARE", "x"));
    }
}
