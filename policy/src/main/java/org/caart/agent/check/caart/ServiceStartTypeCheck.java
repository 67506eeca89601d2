package org.caart.agent.check.caart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.common.ServiceStartType;

/**
 * The start type of a Windows service by key name; values are boot, system, automatic,
 * automatic-delayed, manual, disabled. A service that is not installed counts as missing.
 */
final class ServiceStartTypeCheck extends ValueCheck {

    private static final List<String> NAMES = Arrays.stream(ServiceStartType.values())
            .map(ServiceStartTypeCheck::name).toList();

    private final String service;

    private ServiceStartTypeCheck(CheckInfo info, Fields check, String service) throws PolicyException {
        super(info, "service-start-type", OsFamily.WINDOWS, Comparison.read(check),
                check.choice("missing", Missing.class, Missing.FAIL));
        this.service = service;
        for (String value : check.has("values") ? check.list("values") : check.list("value")) {
            if (!NAMES.contains(value.toLowerCase(Locale.ROOT))) {
                throw check.error("value", "'" + value + "' is not a start type; use one of " + NAMES);
            }
        }
    }

    static ServiceStartTypeCheck read(CheckInfo info, Fields check) throws PolicyException {
        return new ServiceStartTypeCheck(info, check, check.text("service"));
    }

    static String name(ServiceStartType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    String subject() {
        return "start type of service " + service;
    }

    @Override
    String notSet() {
        return "service not installed";
    }

    @Override
    Optional<Observation> read(Host host) {
        return host.platform().serviceStartType(service).map(t -> new Observation(name(t), null));
    }
}
