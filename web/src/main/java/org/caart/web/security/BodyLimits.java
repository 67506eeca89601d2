package org.caart.web.security;

import java.util.regex.Pattern;
import org.caart.policy.entity.UploadedPolicy;

/**
 * How many bytes a request body may have, by path, before anything reads it. Uploads get what their format allows;
 * pages behind sign-in (file uploads on Faces forms) their multipart limit; everything else, anonymous pages and
 * the agent's small messages included, {@link #SMALL}.
 */
final class BodyLimits {

    static final int SMALL = 64 * 1024;
    static final int RESULT_BATCH = 4 * 1024 * 1024;
    static final int CSV_IMPORT = 4 * 1024 * 1024;
    /** A company archive the operator imports (streamed to a temporary file, then checked against its manifest). */
    static final int COMPANY_IMPORT = Integer.MAX_VALUE;
    /** web.xml's multipart max-request-size for the Faces servlet. */
    static final int SIGNED_IN_PAGE = 5 * 1024 * 1024;

    private static final Pattern POLICY_UPLOAD = Pattern.compile("/api/companies/[^/]+/policies/?");
    private static final Pattern CSV = Pattern.compile("/api/companies/[^/]+/devices/import/?");

    private BodyLimits() {
    }

    /** {@code path} is relative to the application (no context path). */
    static int limit(String path) {
        if (path.equals("/api/agent/v1/results")) {
            return RESULT_BATCH;
        }
        if (POLICY_UPLOAD.matcher(path).matches()) {
            return UploadedPolicy.CONTENT_MAX_BYTES;
        }
        if (path.equals("/api/system/companies/import")) {
            return COMPANY_IMPORT; // the container has checked the operator's credentials before any filter runs
        }
        if (CSV.matcher(path).matches()) {
            return CSV_IMPORT;
        }
        if (path.startsWith("/app/") || path.startsWith("/operator/")) {
            return SIGNED_IN_PAGE; // the container has checked the session before any filter runs
        }
        return SMALL;
    }

    /** Paths whose bodies the container parses itself (forms, multipart) instead of through the filtered stream. */
    static boolean parsedByContainer(String path) {
        return !path.startsWith("/api/");
    }
}
