package org.caart.agent.check.caart;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.PolicyException;

/** The check types of the CAaRT format, by the name a policy's {@code check.type} uses. */
final class CheckTypes {

    @FunctionalInterface
    private interface Reader {
        TypedCheck read(CheckInfo info, Fields check) throws PolicyException;
    }

    private static final Map<String, Reader> READERS = new LinkedHashMap<>();

    static {
        READERS.put("registry-value", RegistryValueCheck::read);
        READERS.put("security-policy", SecurityPolicyCheck::read);
        READERS.put("user-right", UserRightCheck::read);
        READERS.put("audit-policy", AuditPolicyCheck::read);
        READERS.put("service-start-type", ServiceStartTypeCheck::read);
        READERS.put("firewall-profile", FirewallProfileCheck::read);
        READERS.put("sysctl", SysctlCheck::read);
        READERS.put("file-mode", FileModeCheck::read);
        READERS.put("file-exists", FileExistsCheck::read);
        READERS.put("file-content", FileContentCheck::read);
        READERS.put("package-installed", PackageCheck::installed);
        READERS.put("package-absent", PackageCheck::absent);
        READERS.put("mount-option", MountOptionCheck::read);
        READERS.put("sshd-setting", SshdSettingCheck::read);
    }

    private CheckTypes() {
    }

    static Set<String> names() {
        return READERS.keySet();
    }

    static TypedCheck read(CheckInfo info, Fields check) throws PolicyException {
        String type = check.text("type");
        Reader reader = READERS.get(type);
        if (reader == null) {
            throw check.error("type", "'" + type + "' is not a check type; known types: " + names());
        }
        TypedCheck typed = reader.read(info, check);
        check.rejectUnknown();
        return typed;
    }
}
