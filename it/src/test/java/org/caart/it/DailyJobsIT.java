package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The daily-job machinery against the test clock: due only after its hour, once per day whatever the ticks. */
@ExtendWith(SharedServer.class)
class DailyJobsIT {

    private final Api api = SharedServer.operatorApi();
    // a day of its own, far from other runs that may share a PostgreSQL database
    private final LocalDate day = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));

    @AfterEach
    void resetClock() {
        assertEquals(204, api.delete("/api/system/clock").status());
    }

    @Test
    void outboxRetentionRunsOnceADayAfterItsHourAndRemovesOldMail() {
        setClock(day.minusDays(200) + "T12:00:00Z");
        long oldMail = api.post("/api/system/mails/test", "{\"to\":\"old-" + day + "@example.test\"}")
                .json().getJsonNumber("id").longValue();
        Wait.until(Duration.ofSeconds(40), () -> mailStatus(oldMail).equals("SENT") ? true : null);

        setClock(day + "T02:30:00Z");
        assertTrue(runsOn(api.post("/api/system/jobs/tick", null).array().getValuesAs(JsonObject.class)).isEmpty(),
                "not due before 03:00 UTC");

        setClock(day + "T03:30:00Z");
        List<JsonObject> runs = runsOn(api.post("/api/system/jobs/tick", null).array().getValuesAs(JsonObject.class));
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).getString("detail").matches(
                "[1-9]\\d* delivered mail\\(s\\) removed, \\d+ idle sign-in throttle row\\(s\\) removed"),
                runs.toString());
        assertEquals("GONE", mailStatus(oldMail));

        setClock(day + "T09:30:00Z");
        assertEquals(1, runsOn(api.post("/api/system/jobs/tick", null).array().getValuesAs(JsonObject.class)).size(),
                "a second tick the same day must not run the job again");
    }

    @Test
    void clockNeedsAnIsoInstant() {
        Api.Reply reply = api.put("/api/system/clock", "{\"now\":\"tomorrow\"}");
        assertEquals(400, reply.status());
        assertTrue(reply.json().getJsonObject("fields").containsKey("now"));
    }

    private void setClock(String instant) {
        assertEquals(204, api.put("/api/system/clock", "{\"now\":\"" + instant + "\"}").status());
    }

    private List<JsonObject> runsOn(List<JsonObject> runs) {
        return runs.stream().filter(r -> r.getString("job").equals("outbox-retention")
                && r.getString("runDate").equals(day.toString())).toList();
    }

    private String mailStatus(long id) {
        return api.get("/api/system/mails?max=1000").array().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("id").longValue() == id)
                .map(m -> m.getString("status")).findFirst().orElse("GONE");
    }
}
