package org.caart.agent.transport;

import java.util.Map;

/** An RFC 9457 problem+json body as the server sends it; any field may be missing. */
record ProblemView(String type, String title, Integer status, String detail, Map<String, String> fields) {

    ProblemView {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    static ProblemView empty() {
        return new ProblemView(null, null, null, null, null);
    }

    /** The server's detail, else "HTTP 409 Conflict". */
    String sentence(int httpStatus) {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return "HTTP " + httpStatus + (title == null || title.isBlank() ? "" : " " + title);
    }
}
