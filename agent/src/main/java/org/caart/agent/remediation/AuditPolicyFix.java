package org.caart.agent.remediation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/** An advanced audit policy subcategory by GUID: the flags the check names, the others as they are. */
final class AuditPolicyFix implements Fix {

    private final WindowsSettings windows;
    private final String guid;
    private final Optional<Boolean> success;
    private final Optional<Boolean> failure;

    AuditPolicyFix(WindowsSettings windows, String guid, Optional<Boolean> success, Optional<Boolean> failure) {
        this.windows = windows;
        this.guid = guid;
        this.success = success;
        this.failure = failure;
    }

    /** The AuditingInformation bits with the check's flags applied (1 success, 2 failure). */
    static int flags(int current, Optional<Boolean> success, Optional<Boolean> failure) {
        int flags = current;
        if (success.isPresent()) {
            flags = success.get() ? flags | 1 : flags & ~1;
        }
        if (failure.isPresent()) {
            flags = failure.get() ? flags | 2 : flags & ~2;
        }
        return flags;
    }

    @Override
    public FixKind kind() {
        return FixKind.AUDIT_POLICY;
    }

    @Override
    public String target() {
        return guid + success.map(s -> s ? " success audited" : " success not audited").orElse("")
                + failure.map(f -> f ? " failure audited" : " failure not audited").orElse("");
    }

    @Override
    public Set<RemediationFlag> flags() {
        return Set.of();
    }

    @Override
    public List<Saved> capture() {
        return List.of(Saved.value("audit-policy", guid, String.valueOf(windows.auditFlags(guid))));
    }

    @Override
    public void apply() {
        windows.setAuditFlags(guid, flags(windows.auditFlags(guid), success, failure));
    }
}
