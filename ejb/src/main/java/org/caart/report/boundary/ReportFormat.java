package org.caart.report.boundary;

import java.util.Locale;
import java.util.Optional;

/** The formats a report is written in, with their media type and file extension. */
public enum ReportFormat {
    HTML("text/html; charset=utf-8", "html"),
    PDF("application/pdf", "pdf"),
    CSV("text/csv; charset=utf-8; header=present", "csv"),
    XCCDF("application/xml; charset=utf-8", "xccdf.xml"),
    OCSF("application/x-ndjson; charset=utf-8", "ocsf.jsonl");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named (case-insensitively), if there is one. */
    public static Optional<ReportFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
