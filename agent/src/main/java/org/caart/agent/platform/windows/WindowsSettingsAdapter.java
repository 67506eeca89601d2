package org.caart.agent.platform.windows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;

import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.RegistryKey;
import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.ServiceStartType;
import org.caart.agent.platform.common.SystemCommand;
import org.caart.agent.platform.common.WindowsServices;
import org.caart.agent.remediation.RemediationException;
import org.caart.agent.remediation.SeceditInf;
import org.caart.agent.remediation.WindowsSettings;

/**
 * The real Windows settings, thin: the registry through Advapi32Util in the 64-bit view, the security policy and
 * user rights through {@code secedit /configure} with a one-line template ({@link SeceditInf}), audit policy through
 * AuditSetSystemPolicy, start types through {@code sc.exe config}. Reads go through the same code the checks use.
 * Verified on paper only: this project's tests run on Linux (see docs/remediation.md).
 */
public final class WindowsSettingsAdapter implements WindowsSettings {

    private static final int VIEW = WinNT.KEY_WOW64_64KEY;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final int POLICY_AUDIT_EVENT_NONE = 4;

    private final WindowsRegistry registry = new WindowsRegistry();

    @Override
    public Optional<RegistryValue> registryValue(String key, String name) {
        return guarded(() -> registry.value(key, name));
    }

    @Override
    public void setRegistryValue(String fullKey, String name, RegistryValue value) {
        RegistryKey key = RegistryKey.parse(fullKey);
        WinReg.HKEY hive = hive(key);
        guarded(() -> {
            if (!Advapi32Util.registryKeyExists(hive, key.path(), VIEW)) {
                Advapi32Util.registryCreateKey(hive, key.path(), VIEW);
            }
            switch (value.type()) {
                case REG_DWORD -> Advapi32Util.registrySetIntValue(hive, key.path(), name,
                        (int) value.number().orElseThrow(), VIEW);
                case REG_QWORD -> Advapi32Util.registrySetLongValue(hive, key.path(), name,
                        value.number().orElseThrow(),
                        VIEW);
                case REG_SZ -> Advapi32Util.registrySetStringValue(hive, key.path(), name, value.text(), VIEW);
                case REG_EXPAND_SZ -> Advapi32Util.registrySetExpandableStringValue(hive, key.path(), name,
                        value.text(),
                        VIEW);
                case REG_MULTI_SZ -> Advapi32Util.registrySetStringArray(hive, key.path(), name,
                        value.strings().toArray(String[]::new), VIEW);
                case REG_BINARY -> Advapi32Util.registrySetBinaryValue(hive, key.path(), name,
                        java.util.HexFormat.of().parseHex(value.text()), VIEW);
                case REG_NONE -> throw new RemediationException("a REG_NONE value cannot be written");
            }
            return null;
        });
    }

    @Override
    public void deleteRegistryValue(String fullKey, String name) {
        RegistryKey key = RegistryKey.parse(fullKey);
        guarded(() -> {
            if (registry.value(fullKey, name).isPresent()) {
                Advapi32Util.registryDeleteValue(hive(key), key.path(), name, VIEW);
            }
            return null;
        });
    }

    @Override
    public Optional<String> securityPolicySetting(String name) {
        return guarded(() -> new WindowsPlatform().securityPolicy().setting(name));
    }

    @Override
    public void setSecurityPolicySetting(String name, String value) {
        configure(SeceditInf.systemAccess(name, value), "SECURITYPOLICY");
    }

    @Override
    public List<String> rightHolders(String right) {
        return guarded(() -> new WindowsPlatform().securityPolicy().holders(right));
    }

    @Override
    public void setRightHolders(String right, List<String> accounts) {
        configure(SeceditInf.privilegeRight(right, accounts), "USER_RIGHTS");
    }

    @Override
    public int auditFlags(String subcategoryGuid) {
        return guarded(() -> WindowsAudit.flags(subcategoryGuid)).orElseThrow(() -> new RemediationException(
                "this Windows version does not know audit subcategory " + subcategoryGuid));
    }

    @Override
    public void setAuditFlags(String subcategoryGuid, int flags) {
        Memory policy = new Memory(AuditSetApi.POLICY_SIZE);
        policy.clear();
        Guid.GUID guid = new Guid.GUID(subcategoryGuid);
        policy.write(0, guid.toByteArray(), 0, 16);
        policy.setInt(16, forAuditSet(flags));
        if (AuditSetApi.INSTANCE.AuditSetSystemPolicy(policy, 1) == 0) {
            throw new RemediationException("AuditSetSystemPolicy(" + subcategoryGuid + ") failed with Windows error "
                    + Native.getLastError());
        }
    }

    /** AuditingInformation to set: 0 would mean "unchanged", so no auditing is POLICY_AUDIT_EVENT_NONE. */
    static int forAuditSet(int flags) {
        return (flags & 3) == 0 ? POLICY_AUDIT_EVENT_NONE : flags & 3;
    }

    @Override
    public Optional<ServiceStartType> serviceStartType(String service) {
        return guarded(() -> WindowsServices.startType(registry, service));
    }

    @Override
    public void setServiceStartType(String service, ServiceStartType type) {
        SystemCommand.Result result = SystemCommand.run(List.of(system32("sc.exe"), "config", service, "start=",
                scStart(type)), TIMEOUT);
        if (result.exitCode() != 0) {
            throw new RemediationException("sc config " + service + " failed with exit code " + result.exitCode() + ": "
                    + result.output().strip());
        }
    }

    /** The {@code start=} word of {@code sc config} for a start type. */
    static String scStart(ServiceStartType type) {
        return switch (type) {
            case BOOT -> "boot";
            case SYSTEM -> "system";
            case AUTOMATIC -> "auto";
            case AUTOMATIC_DELAYED -> "delayed-auto";
            case MANUAL -> "demand";
            case DISABLED -> "disabled";
        };
    }

    private static void configure(String inf, String area) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("caart-secedit");
            Path template = folder.resolve("fix.inf");
            Files.write(template, SeceditInf.bytes(inf));
            SystemCommand.Result result = SystemCommand.run(List.of(system32("secedit.exe"), "/configure", "/db",
                    folder.resolve("fix.sdb").toString(), "/cfg", template.toString(), "/areas", area, "/quiet"),
                            TIMEOUT);
            if (result.exitCode() != 0) {
                throw new RemediationException("secedit /configure failed with exit code " + result.exitCode()
                        + " (run the agent as Administrator)");
            }
        } catch (IOException e) {
            throw new RemediationException("cannot write the security template: " + e.getMessage(), e);
        } finally {
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            System.getLogger(WindowsSettingsAdapter.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete " + folder, e);
        }
    }

    private static String system32(String program) {
        return System.getenv().getOrDefault("SystemRoot", "C:\\Windows") + "\\System32\\" + program;
    }

    private static WinReg.HKEY hive(RegistryKey key) {
        return switch (key.hive()) {
            case HKEY_LOCAL_MACHINE -> WinReg.HKEY_LOCAL_MACHINE;
            case HKEY_CURRENT_USER -> WinReg.HKEY_CURRENT_USER;
            case HKEY_USERS -> WinReg.HKEY_USERS;
            case HKEY_CLASSES_ROOT -> WinReg.HKEY_CLASSES_ROOT;
            case HKEY_CURRENT_CONFIG -> WinReg.HKEY_CURRENT_CONFIG;
        };
    }

    private interface Call<T> {
        T call();
    }

    private static <T> T guarded(Call<T> call) {
        try {
            return call.call();
        } catch (PlatformException | Win32Exception e) {
            throw new RemediationException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Windows settings (" + System.getProperty("os.name", "").toLowerCase(Locale.ROOT) + ")";
    }
}
