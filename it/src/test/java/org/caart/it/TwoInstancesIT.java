package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Two server instances on one PostgreSQL database, their mail server down: both tick at the same moment, the
 * company's daily check runs once, its digest is queued once, stays queued while SMTP fails, and goes out exactly
 * once when SMTP is back. Always on PostgreSQL (H2's file database belongs to a single instance).
 */
class TwoInstancesIT {

    private static final String BASE_URL = System.getenv().getOrDefault("CAART_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String DB_USER = System.getenv().getOrDefault("CAART_TEST_DB_USER", "postgres");
    private static final String DB_PASSWORD = System.getenv().getOrDefault("CAART_TEST_DB_PASSWORD", "");

    @Test
    void theDayRunsOnceAndItsDigestSurvivesTheMailServerBeingDown() throws Exception {
        String database = "caart_it_twins_" + Long.toString(System.nanoTime(), 36);
        sql("CREATE DATABASE " + database);
        int smtpPort = CaartServer.freePort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        String operatorPassword = SharedServer.randomPassword();
        Map<String, String> env = new HashMap<>();
        int slash = BASE_URL.lastIndexOf('/');
        int query = BASE_URL.indexOf('?', slash);
        env.put("CAART_DB_URL", BASE_URL.substring(0, slash + 1) + database
                + (query < 0 ? "" : BASE_URL.substring(query)));
        env.put("CAART_DB_USER", DB_USER);
        env.put("CAART_DB_PASSWORD", DB_PASSWORD);
        env.put("CAART_TEST_MODE", "true");
        env.put("CAART_ADMIN_EMAIL", SharedServer.OPERATOR);
        env.put("CAART_ADMIN_PASSWORD", operatorPassword);
        env.put("CAART_SMTP_HOST", "127.0.0.1");
        env.put("CAART_SMTP_PORT", String.valueOf(smtpPort));
        env.put("CAART_SMTP_FROM", "CAaRT <caart@caart.test>");
        env.put("CAART_PUBLIC_URL", SharedServer.PUBLIC_URL);
        CaartServer first = CaartServer.configure("twin-a", env).start();
        CaartServer second = null;
        try {
            second = CaartServer.configure("twin-b", env).start();
            List<Api> operators = List.of(new Api(first, SharedServer.OPERATOR, operatorPassword),
                    new Api(second, SharedServer.OPERATOR, operatorPassword));

            String email = "ciso-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
            String password = SharedServer.randomPassword();
            PortalClient.signUp(first, email, password);
            Api owner = new Api(first, email, password);
            long company = owner.post("/api/companies", "{\"name\":\"Twin clinic\",\"clientOs\":\"DEBIAN\","
                    + "\"timeZone\":\"Europe/Berlin\"}").json().getJsonNumber("id").longValue();
            long member = owner.get("/api/companies/" + company + "/members").array().getJsonObject(0)
                    .getJsonNumber("id").longValue();
            assertEquals(200, owner.put("/api/companies/" + company + "/members/" + member,
                    "{\"role\":\"OWNER\",\"ciso\":true,\"securityTech\":false}").status());

            LocalDate day = LocalDate.of(2200, 1, 12);
            for (Api operator : operators) {
                assertEquals(204, operator.put("/api/system/clock", "{\"now\":\"" + day + "T03:00:00Z\"}").status());
            }
            assertEquals(201, owner.post("/api/companies/" + company + "/devices", PatchIT.device("firewall 2",
                    "FIREWALL", day.minusDays(68).toString())).status());
            for (Api operator : operators) {
                assertEquals(204, operator.put("/api/system/clock", "{\"now\":\"" + day + "T06:00:00Z\"}").status());
            }

            // both instances tick at once
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> ticks = operators.stream().map(op -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return op.post("/api/system/jobs/tick", null).status();
            })).toList();
            for (CompletableFuture<Integer> tick : ticks) {
                assertEquals(200, tick.get());
            }
            List<JsonObject> checks = owner.get("/api/companies/" + company + "/patch/checks").array().stream()
                    .map(JsonValue::asJsonObject).toList();
            assertEquals(1, checks.size(), "one daily check for the day: " + checks);
            assertEquals(1, checks.get(0).getInt("newlyOverdue"));

            // SMTP is down: the digest stays queued, with the failure recorded and a retry planned
            JsonObject queued = Wait.until(Duration.ofSeconds(60), () -> {
                List<JsonObject> outbox = outbox(owner, company);
                return outbox.size() == 1 && outbox.get(0).getInt("attempts") >= 1 ? outbox.get(0) : null;
            });
            assertEquals("PENDING", queued.getString("status"));
            assertTrue(queued.getString("lastError", "").length() > 0, queued.toString());
            assertEquals(email, queued.getString("recipient"));

            mail.start();
            for (Api operator : operators) { // past the retry's back-off (30 s after the first failure)
                assertEquals(204, operator.put("/api/system/clock", "{\"now\":\"" + day + "T06:05:00Z\"}").status());
            }
            Wait.until(Duration.ofSeconds(120), () -> outbox(owner, company).get(0).getString("status")
                    .equals("SENT") ? true : null);
            Thread.sleep(12_000); // a full delivery round of both instances
            assertEquals(1, mail.getReceivedMessages().length, "exactly one digest, from one instance");
            assertTrue(mail.getReceivedMessages()[0].getSubject().contains("Twin clinic: 1 overdue"));
            assertEquals(1, outbox(owner, company).size());
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
            mail.stop();
            sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static List<JsonObject> outbox(Api owner, long company) {
        return owner.get("/api/companies/" + company + "/patch/outbox").array().stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(BASE_URL, DB_USER, DB_PASSWORD);
                Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
