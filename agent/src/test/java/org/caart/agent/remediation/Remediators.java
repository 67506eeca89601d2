package org.caart.agent.remediation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.caart.agent.platform.RemediationHosts;
import org.caart.contract.agent.v1.RemediationReportView;

/** A remediator for tests: journal in {@code state}, hosts by root, no real waits, reports collected. */
final class Remediators {

    /** Remediation allowed, also for the uploaded policies the tests send with their orders. */
    static final RemediationSettings ALLOWED = new RemediationSettings(true, false, Duration.ofSeconds(3),
            Duration.ZERO, RemediationSettings.OnRestart.RESUME, true);

    final List<RemediationReportView> reports = new ArrayList<>();
    final Journal journal;
    private final Function<String, HostContext> hosts;
    private RemediationSettings settings = ALLOWED;
    private ServerProbe probe = timeout -> true;
    private Pause pause = duration -> { };
    private CatalogEntries entries = CatalogEntries.builtin();

    Remediators(Path state) {
        this(state, RemediationHosts::forRoot);
    }

    Remediators(Path state, Function<String, HostContext> hosts) {
        this.journal = new Journal(state);
        this.hosts = hosts;
    }

    Remediators settings(RemediationSettings settings) {
        this.settings = settings;
        return this;
    }

    Remediators probe(ServerProbe probe) {
        this.probe = probe;
        return this;
    }

    Remediators entries(String yaml) {
        this.entries = CatalogEntries.parse(yaml + "\n" + "caart-debian-baseline: {}\n");
        return this;
    }

    Remediators pause(Pause pause) {
        this.pause = pause;
        return this;
    }

    Remediator build() {
        return new Remediator(journal, hosts, settings, probe, Clock.systemUTC(), pause, reports::add, entries);
    }
}
