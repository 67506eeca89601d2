package org.caart.agent;

import org.caart.contract.agent.v1.ScanSummary;

/** Every exit code of {@code caart-agent}, in one place. */
public enum ExitCode {
    /** Nothing failed. */
    OK(0),
    /** At least one check FAILED. */
    FAILED(1),
    /** Bad usage, or a policy that cannot be read. */
    USAGE(2),
    /** No failure, but some checks ended in ERROR or were not run: the scan is incomplete. */
    INCOMPLETE(3),
    /** The server could not be reached, or answered with a server error; nothing was lost (results are spooled). */
    SERVER_UNREACHABLE(4),
    /** The server refused the request, e.g. an enrollment token that is unknown, expired or already used. */
    REFUSED(5),
    /** This agent is not enrolled, or the server no longer knows it (revoked): run {@code caart-agent enroll}. */
    ENROLL_AGAIN(6),
    /** The policy does not apply to this host (its requirements are not met): nothing was checked. */
    NOT_APPLICABLE(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ExitCode of(ScanSummary summary) {
        if (summary.failed() > 0) {
            return FAILED;
        }
        return summary.error() > 0 || summary.notRun() > 0 ? INCOMPLETE : OK;
    }
}
