package org.caart.export.boundary;

import java.util.List;
import java.util.Map;

/** What an import created: the new company, the rows read per archive file, and what the operator should know. */
public record ImportSummary(long companyId, String companyName, Map<String, Long> rows, List<String> notes) {
}
