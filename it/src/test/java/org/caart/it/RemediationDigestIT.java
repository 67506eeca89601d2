package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CISO's daily digest lists the day's remediations (on the test clock, like PatchIT's digests). */
@ExtendWith(SharedServer.class)
class RemediationDigestIT {

    private final Api operator = SharedServer.operatorApi();
    // a winter day of its own (Berlin is UTC+1), far from other runs that may share a PostgreSQL database
    private final LocalDate day = LocalDate.of(2100 + ThreadLocalRandom.current().nextInt(300), 2,
            10 + ThreadLocalRandom.current().nextInt(15));

    @AfterEach
    void resetClock() {
        assertEquals(204, operator.delete("/api/system/clock").status());
    }

    @Test
    void theDailyDigestListsTheDaysRemediations() {
        Tenant t = Tenant.create("remedy-digest");
        long owner = t.api().get(t.path("/members")).array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("email").equals(t.ownerEmail())).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        assertEquals(200, t.api().put(t.path("/members/" + owner),
                "{\"role\":\"OWNER\",\"ciso\":true,\"securityTech\":false}").status());
        setClock(day + "T04:30:00Z"); // 05:30 in Berlin: before the check hour
        FakeAgent agent = FakeAgent.enroll(t, "digest-" + t.companyId());
        long audit = Remediating.auditWithFailures(t, "Digest audit", agent);
        Api.Reply ordered = Remediating.order(t.api(), t, List.copyOf(Remediating.failing(t, audit).values()));
        assertEquals(201, ordered.status(), ordered.body());
        long id = ordered.json().getJsonNumber("id").longValue();

        int earlier = Mails.to(t.ownerEmail()).size();
        setClock(day + "T05:30:00Z"); // 06:30 in Berlin: the daily check and its digest
        operator.post("/api/system/jobs/tick", null);
        String text = Mails.text(Mails.await(t.ownerEmail(), earlier + 1)).replace("\r\n", "\n");
        String section = text.substring(text.indexOf("REMEDIATIONS (LAST 24 HOURS) (1)"));
        assertTrue(section.startsWith("REMEDIATIONS (LAST 24 HOURS) (1)\n  - remediation #" + id
                + " (PLANNING) on 1 endpoint(s): 2 QUEUED; requested by " + t.ownerEmail()), text);
        assertTrue(section.contains(SharedServer.PUBLIC_URL + "/app/remediation.xhtml?company=" + t.companyId()
                + "&remediation=" + id), section);
    }

    private void setClock(String instant) {
        assertEquals(204, operator.put("/api/system/clock", "{\"now\":\"" + instant + "\"}").status());
    }
}
