package org.caart.agent.check.caart;

import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.AuditSetting;
import org.caart.agent.platform.common.OsFamily;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * An advanced audit policy subcategory, addressed by GUID (the display name differs per language).
 * {@code success: true} requires success auditing, {@code false} requires its absence, and an
 * omitted flag is not judged; the same for {@code failure}.
 */
final class AuditPolicyCheck extends TypedCheck {

    private final String guid;
    private final String subcategory;
    private final Optional<Boolean> success;
    private final Optional<Boolean> failure;

    private AuditPolicyCheck(CheckInfo info, String guid, String subcategory, Optional<Boolean> success,
                             Optional<Boolean> failure) {
        super(info, "audit-policy", OsFamily.WINDOWS);
        this.guid = guid;
        this.subcategory = subcategory;
        this.success = success;
        this.failure = failure;
    }

    static AuditPolicyCheck read(CheckInfo info, Fields check) throws PolicyException {
        String guid = check.text("guid").replace("{", "").replace("}", "");
        if (!guid.matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
            throw check.error("guid", "must be a GUID like 0CCE9215-69AE-11D9-BED3-505054503030");
        }
        Optional<Boolean> success = check.optionalFlag("success");
        Optional<Boolean> failure = check.optionalFlag("failure");
        if (success.isEmpty() && failure.isEmpty()) {
            throw check.error("success", "or 'failure' must be given");
        }
        return new AuditPolicyCheck(info, "{" + guid.toUpperCase(java.util.Locale.ROOT) + "}",
                check.text("subcategory", guid), success, failure);
    }

    @Override
    String expected() {
        StringBuilder text = new StringBuilder(subcategory).append(' ').append(guid).append(':');
        success.ifPresent(s -> text.append(s ? " success audited" : " success not audited"));
        failure.ifPresent(f -> text.append(success.isPresent() ? "," : "")
                .append(f ? " failure audited" : " failure not audited"));
        return text.toString();
    }

    @Override
    Outcome probe(Host host) {
        Optional<AuditSetting> setting = host.platform().auditPolicy(guid);
        if (setting.isEmpty()) {
            return new Outcome(CheckStatus.ERROR, "this Windows version does not know audit subcategory " + guid,
                    expected(), "unknown subcategory");
        }
        boolean holds = success.map(s -> s == setting.get().success()).orElse(true)
                && failure.map(f -> f == setting.get().failure()).orElse(true);
        String observed = setting.get().text();
        return holds ? Outcome.passed(expected(), observed) : Outcome.failed(expected(), observed);
    }
}
