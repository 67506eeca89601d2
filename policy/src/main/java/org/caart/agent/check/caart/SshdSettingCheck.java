package org.caart.agent.check.caart;

import java.util.Locale;
import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.SshdConfig;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * An sshd keyword's effective global value. NOT_APPLICABLE when sshd is not installed. When
 * {@code sshd -T} could not run and the configuration neither sets the keyword nor has a known
 * default for it, the result is ERROR: the compiled-in value is unknown.
 */
final class SshdSettingCheck extends ValueCheck {

    private final String keyword;

    private SshdSettingCheck(CheckInfo info, Fields check, String keyword) throws PolicyException {
        super(info, "sshd-setting", OsFamily.LINUX, Comparison.read(check), check.choice("missing", Missing.class,
                Missing.FAIL));
        this.keyword = keyword;
    }

    static SshdSettingCheck read(CheckInfo info, Fields check) throws PolicyException {
        String keyword = check.text("keyword");
        if (!keyword.matches("[A-Za-z0-9]+")) {
            throw check.error("keyword", "must be a single sshd_config keyword, not '" + keyword + "'");
        }
        return new SshdSettingCheck(info, check, keyword);
    }

    @Override
    String subject() {
        return "sshd " + keyword;
    }

    @Override
    Outcome probe(Host host) {
        Optional<SshdConfig> config = host.platform().sshdConfig();
        if (config.isEmpty()) {
            return new Outcome(CheckStatus.NOT_APPLICABLE, "sshd is not installed", expected(), "no sshd");
        }
        if (!config.get().effective() && config.get().value(keyword).isEmpty()) {
            return new Outcome(CheckStatus.ERROR, keyword + " is not set in the configuration and its compiled-in"
                    + " default is unknown: " + config.get().source(), expected(), "not set");
        }
        return super.probe(host);
    }

    @Override
    Optional<Observation> read(Host host) {
        SshdConfig config = host.platform().sshdConfig().orElseThrow();
        return config.value(keyword.toLowerCase(Locale.ROOT))
                .map(v -> new Observation(v, config.effective() ? null : config.source()));
    }
}
