package org.caart.endpoint.control;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caart.contract.agent.v1.HostView;
import org.caart.platform.InvalidInputException;

/** What a host description must satisfy before it is stored; problems are named by their JSON field. */
public final class HostCheck {

    private HostCheck() {
    }

    public static void check(HostView host, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (host == null) {
            throw new InvalidInputException("host", "Describe the host");
        }
        if (host.hostname() == null || host.hostname().isBlank() || host.hostname().length() > 253) {
            errors.put("host.hostname", "A host name has 1 to 253 characters");
        }
        if (!"WINDOWS".equals(host.osFamily()) && !"LINUX".equals(host.osFamily())) {
            errors.put("host.osFamily", "The OS family is WINDOWS or LINUX");
        }
        if (host.lastPatchDate() != null) {
            try {
                if (LocalDate.parse(host.lastPatchDate()).isAfter(today.plusDays(1))) {
                    errors.put("host.lastPatchDate", "A patch date cannot lie in the future");
                }
            } catch (DateTimeParseException e) {
                errors.put("host.lastPatchDate", "A patch date is an ISO date such as 2026-11-02");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
