package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.caart.agent.platform.common.ServiceStartType;
import org.caart.contract.agent.v1.FixKind;

/**
 * Puts journaled before values back, last captured first, from the journal alone (no policy or check needed), so a
 * rollback works after a restart. A rollback puts back only the item's own line (or stanza) of a shared file, so that
 * rolling back one item keeps the other items' lines; rolling back all items, last first, gives the file back byte
 * for byte. An sshd change is followed by a reload of sshd.
 */
final class Restorer {

    private Restorer() {
    }

    /** Puts everything back exactly as captured: for a change that is the latest one (a revert, recovery). */
    static void restore(HostContext host, FixKind kind, List<Saved> before) {
        restore(host, kind, before, null);
    }

    /**
     * As above, for a ROLLBACK (other changes may have followed): a file captured for one line or stanza gets only
     * that line or stanza back ({@link PartialRevert}); {@code creations} tells, by file, how the file was captured
     * when a change created it (a file left without settings is then removed again).
     */
    static void restore(HostContext host, FixKind kind, List<Saved> before,
                        java.util.function.Function<String, java.util.Optional<Saved>> creations) {
        List<Saved> reversed = new ArrayList<>(before);
        Collections.reverse(reversed);
        for (Saved saved : reversed) {
            if (creations != null && saved.kind().equals("file") && saved.name() != null) {
                PartialRevert.revert(host.files(), kind, saved, creations.apply(saved.key()));
            } else {
                restore(host, saved);
            }
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
