package org.caart.report.control;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.caart.remediation.boundary.VerifiedFix;

/** Times in reports: in the company's time zone, to the second. */
final class Times {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** ISO-8601 with the zone's offset ({@code 2026-12-05T01:02:03+01:00}); empty for none. */
    static String iso(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : ISO.format(at.atZoneSameInstant(zone));
    }

    /** How a fix reads for people: "remediation #12, approved by …, verified 2026-12-05 01:02:03 Europe/Berlin". */
    static String fix(VerifiedFix fix, ZoneId zone) {
        return "remediation #" + fix.remediationId() + (fix.approvedBy() == null ? "" : ", approved by "
                + fix.approvedBy()) + ", verified " + readable(fix.verifiedAt(), zone);
    }

    /** For people: {@code 2026-12-05 01:02:03 Europe/Berlin}; a dash for none. */
    static String readable(OffsetDateTime at, ZoneId zone) {
        return at == null ? "–" : READABLE.format(at.atZoneSameInstant(zone)) + " " + zone.getId();
    }
}
