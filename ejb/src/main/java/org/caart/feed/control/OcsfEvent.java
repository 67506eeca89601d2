package org.caart.feed.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.caart.feed.entity.FeedItem;

/**
 * A feed event as one OCSF 1.1 JSON object: checks, exceptions and remediations as Compliance Findings (class
 * 2003), overdue devices and stale agents as Detection Findings (class 2004). The sequence number is
 * {@code metadata.sequence}; CAaRT's own fields are under {@code unmapped}. Mapping in docs/reports.md.
 */
public final class OcsfEvent {

    static final String VERSION = "1.1.0";
    private static final JsonFactory JSON = new JsonFactory();

    private OcsfEvent() {
    }

    public static String of(FeedItem e, String productVersion) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            boolean compliance = !e.type().startsWith("device.") && !e.type().startsWith("agent.");
            int activity = activity(e);
            int classUid = compliance ? 2003 : 2004;
            json.writeStartObject();
            json.writeNumberField("activity_id", activity);
            json.writeStringField("activity_name", activity == 1 ? "Create" : activity == 2 ? "Update" : "Close");
            json.writeNumberField("category_uid", 2);
            json.writeStringField("category_name", "Findings");
            json.writeNumberField("class_uid", classUid);
            json.writeStringField("class_name", compliance ? "Compliance Finding" : "Detection Finding");
            json.writeNumberField("type_uid", classUid * 100L + activity);
            json.writeNumberField("time", e.occurredAt().toInstant().toEpochMilli());
            json.writeNumberField("severity_id", severityId(e.severity()));
            json.writeStringField("severity", Cef.severityName(e.severity()));
            json.writeStringField("message", Messages.text(e));
            json.writeObjectFieldStart("metadata");
            json.writeStringField("version", VERSION);
            json.writeNumberField("sequence", e.seq());
            json.writeStringField("uid", "caart-" + e.companyId() + "-" + e.seq());
            json.writeStringField("event_code", e.type());
            json.writeObjectFieldStart("product");
            json.writeStringField("name", "CAaRT");
            json.writeStringField("vendor_name", "CAaRT");
            json.writeStringField("version", productVersion);
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("finding_info");
            json.writeStringField("uid", findingUid(e));
            json.writeStringField("title", e.subject());
            json.writeArrayFieldStart("types");
            json.writeString(e.type());
            json.writeEndArray();
            json.writeEndObject();
            if (e.checkId() != null) {
                json.writeObjectFieldStart("compliance");
                json.writeStringField("control", e.checkId());
                if (e.policy() != null) {
                    json.writeArrayFieldStart("standards");
                    json.writeString(e.policy());
                    json.writeEndArray();
                }
                if (e.after() != null) {
                    json.writeStringField("status", e.after());
                }
                json.writeEndObject();
            }
            if (e.hostname() != null || e.endpointId() != null) {
                json.writeObjectFieldStart("device");
                if (e.hostname() != null) {
                    json.writeStringField("hostname", e.hostname());
                    json.writeStringField("name", e.hostname());
                }
                if (e.endpointId() != null) {
                    json.writeStringField("uid", String.valueOf(e.endpointId()));
                }
                json.writeNumberField("type_id", 0);
                json.writeEndObject();
            }
            json.writeObjectFieldStart("unmapped");
            json.writeNumberField("company_id", e.companyId());
            json.writeStringField("type", e.type());
            if (e.before() != null) {
                json.writeStringField("before", e.before());
            }
            if (e.after() != null) {
                json.writeStringField("after", e.after());
            }
            if (e.detail() != null) {
                json.writeStringField("detail", e.detail());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return text.toString();
    }

    /** Create for something new, Close when it ended (a passing check, an expired exception), else Update. */
    static int activity(FeedItem e) {
        String t = e.type();
        if (t.equals("exception.expired") || t.equals("remediation.rolled-back")
                || (t.equals("check.changed") && "PASSED".equals(e.after()))) {
            return 3;
        }
        if (t.equals("check.changed") && e.before() == null || t.equals("exception.granted")
                || t.equals("device.overdue") || t.equals("agent.stale")) {
            return 1;
        }
        return 2;
    }

    private static String findingUid(FeedItem e) {
        String about = e.checkId() != null ? e.checkId() : e.subject();
        return (e.endpointId() == null ? "company-" + e.companyId() : "endpoint-" + e.endpointId()) + ":"
                + (e.policy() == null ? "" : e.policy() + ":") + about;
    }

    static int severityId(String severity) {
        return switch (severity == null ? "" : severity.toLowerCase(java.util.Locale.ROOT)) {
            case "low" -> 2;
            case "medium" -> 3;
            case "high" -> 4;
            case "critical" -> 5;
            default -> 1;
        };
    }
}
