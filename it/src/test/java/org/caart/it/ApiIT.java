package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class ApiIT {

    @Test
    void agentApiAnswersWithItsVersion() {
        Api.Reply reply = Api.anonymous(SharedServer.server()).get("/api/agent/v1/server-info");
        assertEquals(200, reply.status());
        JsonObject info = reply.json();
        assertEquals("v1", info.getString("apiVersion"));
        assertTrue(info.getString("serverVersion").matches("\\d+\\.\\d+\\.\\d+.*"), info.toString());
    }

    @Test
    void operatorApiNeedsCredentials() {
        Api.Reply reply = Api.anonymous(SharedServer.server()).get("/api/system/info");
        assertEquals(401, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(401, reply.json().getInt("status"));
    }

    @Test
    void wrongPasswordIsRefused() {
        Api.Reply reply = new Api(SharedServer.server(), SharedServer.OPERATOR, "not-the-password").get("/api/system/info");
        assertEquals(401, reply.status());
    }

    @Test
    void operatorSeesTheSystemInfo() {
        Api.Reply reply = SharedServer.operatorApi().get("/api/system/info");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("testMode"));
        assertTrue(reply.json().getString("mail").startsWith("127.0.0.1:"), reply.body());
    }

    @Test
    void unknownResourceIsProblemJson() {
        Api.Reply reply = SharedServer.operatorApi().get("/api/system/pipeline/probes/does-not-exist");
        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertEquals("Probe not found", reply.json().getString("detail"));
    }

    @Test
    void malformedJsonIsA400ProblemAndChangesNothing() {
        Api api = SharedServer.operatorApi();
        int before = api.get("/api/system/mails?max=1000").array().size();
        Api.Reply reply = api.post("/api/system/mails/test", "{not json");
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(before, api.get("/api/system/mails?max=1000").array().size());
    }
}
