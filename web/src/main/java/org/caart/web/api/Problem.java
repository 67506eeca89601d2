package org.caart.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** An RFC 9457 problem+json response: title, status, detail, and the offending fields when there are some. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail, Map.of(), null);
    }

    public static Response of(int status, String title, String detail, Map<String, String> fields,
            String correlationId) {
        return of("about:blank", status, title, detail, fields, correlationId);
    }

    public static Response of(String type, int status, String title, String detail, Map<String, String> fields,
            String correlationId) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (!fields.isEmpty()) {
            JsonObjectBuilder errors = Json.createObjectBuilder();
            fields.forEach(errors::add);
            body.add("fields", errors);
        }
        if (correlationId != null) {
            body.add("correlationId", correlationId);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }
}
