package org.caart.agent.check;

import java.util.List;

import org.caart.contract.agent.v1.Severity;

/** What a check is about: everything a report shows besides the outcome. */
public record CheckInfo(String id, String title, String description, String rationale, String remediation,
                        Severity severity, List<String> references) {

    public CheckInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a check needs an id");
        }
        severity = severity == null ? Severity.MEDIUM : severity;
        references = references == null ? List.of() : List.copyOf(references);
    }
}
