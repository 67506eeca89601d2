package org.caart.agent.check.caart;

import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.platform.common.OsFamily;
import org.caart.contract.agent.v1.CheckStatus;

/** A check that reads one value and compares it ({@link Comparison}), with a rule for a value that is not set. */
abstract class ValueCheck extends TypedCheck {

    /** A value read from the host, with an optional note on where it came from. */
    record Observation(String value, String note) {
        static Optional<Observation> of(Optional<String> value) {
            return value.map(v -> new Observation(v, null));
        }

        String text() {
            return note == null ? value : value + " (" + note + ")";
        }
    }

    private final Comparison comparison;
    private final Missing missing;

    ValueCheck(CheckInfo info, String type, OsFamily family, Comparison comparison, Missing missing) {
        super(info, type, family);
        this.comparison = comparison;
        this.missing = missing;
    }

    abstract String subject();

    abstract Optional<Observation> read(Host host);

    /** How a missing value is described in the evidence. */
    String notSet() {
        return "not set";
    }

    @Override
    String expected() {
        String expected = comparison.describe(subject());
        return missing == Missing.FAIL ? expected : expected + " (or not set: " + missing + ")";
    }

    @Override
    Outcome probe(Host host) {
        Optional<Observation> observation = read(host);
        if (observation.isEmpty()) {
            return whenMissing();
        }
        String observed = observation.get().text();
        Comparison.Verdict verdict = comparison.test(observation.get().value());
        if (verdict.problem() != null) {
            return new Outcome(CheckStatus.ERROR, verdict.problem(), expected(), observed);
        }
        return verdict.holds() ? Outcome.passed(expected(), observed) : Outcome.failed(expected(), observed);
    }

    private Outcome whenMissing() {
        if (comparison.operator() == Comparison.Operator.ABSENT) {
            return Outcome.passed(expected(), notSet());
        }
        if (comparison.operator() == Comparison.Operator.PRESENT) {
            return Outcome.failed(expected(), notSet());
        }
        return switch (missing) {
            case FAIL -> Outcome.failed(expected(), notSet());
            case PASS -> Outcome.passed(expected(), notSet());
            case NOT_APPLICABLE -> new Outcome(CheckStatus.NOT_APPLICABLE, subject() + " is " + notSet(),
                    expected(), notSet());
        };
    }
}
