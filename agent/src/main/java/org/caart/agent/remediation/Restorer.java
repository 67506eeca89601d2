package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.caart.agent.platform.common.ServiceStartType;
import org.caart.contract.agent.v1.FixKind;

/**
 * Puts journaled before values back, last captured first, from the journal alone (no policy or check needed), so a
 * rollback works after a restart. An sshd change is followed by a reload of sshd.
 */
final class Restorer {

    private Restorer() {
    }

    static void restore(HostContext host, FixKind kind, List<Saved> before) {
        List<Saved> reversed = new ArrayList<>(before);
        Collections.reverse(reversed);
        for (Saved saved : reversed) {
            restore(host, saved);
        }
        if (kind == FixKind.SSHD_SETTING) {
            host.sshd().reload();
        }
    }

    private static void restore(HostContext host, Saved saved) {
        WindowsSettings windows = host.windows();
        switch (saved.kind()) {
            case "file", "attributes" -> host.files().restore(saved);
            case "sysctl" -> {
                if (!SysctlFix.readLive(host.files(), saved.key()).equals(saved.value())) {
                    SysctlFix.writeLive(host.files(), saved.key(), saved.value());
                }
            }
            case "package" -> host.packages().reinstall(saved);
            case "registry" -> {
                if (saved.present()) {
                    windows.setRegistryValue(saved.key(), saved.name(), RegistryData.decode(saved.value()));
                } else {
                    windows.deleteRegistryValue(saved.key(), saved.name());
                }
            }
            case "security-policy" -> {
                // an undefined lockout duration or reset counter becomes undefined again with the threshold 0,
                // which is restored after them (reverse order); secedit cannot undefine a setting by itself
                if (saved.present()) {
                    windows.setSecurityPolicySetting(saved.key(), saved.value());
                }
            }
            case "user-right" -> windows.setRightHolders(saved.key(), saved.value().isEmpty() ? List.of()
                    : Arrays.asList(saved.value().split(",")));
            case "audit-policy" -> windows.setAuditFlags(saved.key(), Integer.parseInt(saved.value()));
            case "service-start" -> windows.setServiceStartType(saved.key(), ServiceStartType.valueOf(saved.value()));
            default -> throw new RemediationException("the journal holds a before value of unknown kind "
                    + saved.kind());
        }
    }
}
