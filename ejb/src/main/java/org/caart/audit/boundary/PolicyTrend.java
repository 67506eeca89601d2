package org.caart.audit.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** The scores of one policy's completed runs, one point per audit, oldest first: one line of a trend chart. */
public record PolicyTrend(String policyId, String policyName, List<Point> points) implements Serializable {

    /**
     * An audit's score with this policy: the mean of its completed runs' scores, raw and with the exceptions in force
     * now (the same when none is).
     */
    public record Point(long auditId, String auditTitle, OffsetDateTime at, double score, double scoreWithExceptions)
            implements Serializable {

        /** A point where no exception applies: the score with exceptions is the raw one. */
        public Point(long auditId, String auditTitle, OffsetDateTime at, double score) {
            this(auditId, auditTitle, at, score, score);
        }
    }
}
