package org.caart.report.control;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.Severity;
import org.caart.report.boundary.ExceptionGrant;
import org.caart.report.boundary.Report;
import org.caart.report.boundary.ReportLine;

/**
 * The results as OCSF 1.1 Compliance Findings (class 2003, category 2 Findings, activity 1 Create), one JSON object
 * per line. Mapping in docs/reports.md.
 */
public final class OcsfReport implements ReportWriter {

    public static final String OCSF_VERSION = "1.1.0";
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator json;
    private final String productVersion;
    private Report report;

    public OcsfReport(OutputStream out, String productVersion) throws IOException {
        json = JSON.createGenerator(out, JsonEncoding.UTF8);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.setRootValueSeparator(null);
        this.productVersion = productVersion;
    }

    @Override
    public void begin(Report report) {
        this.report = report;
    }

    @Override
    public void line(ReportLine line) throws IOException {
        RunHeader run = line.run();
        ResultRow r = line.result();
        OffsetDateTime at = r.receivedAt() == null ? report.generatedAt() : r.receivedAt();
        json.writeStartObject();
        json.writeNumberField("activity_id", 1);
        json.writeStringField("activity_name", "Create");
        json.writeNumberField("category_uid", 2);
        json.writeStringField("category_name", "Findings");
        json.writeNumberField("class_uid", 2003);
        json.writeStringField("class_name", "Compliance Finding");
        json.writeNumberField("type_uid", 200301);
        json.writeStringField("type_name", "Compliance Finding: Create");
        json.writeNumberField("time", at.toInstant().toEpochMilli());
        json.writeNumberField("severity_id", severityId(r.severity()));
        json.writeStringField("severity", severityName(r.severity()));
        json.writeNumberField("status_id", line.excepted() ? 3 : r.status() == CheckStatus.FAILED ? 1 : 4);
        json.writeStringField("status", line.excepted() ? "Suppressed" : r.status() == CheckStatus.FAILED ? "New"
                : "Resolved");
        json.writeStringField("message", r.title() + ": " + line.status());
        metadata(r);
        findingInfo(run, r, at);
        compliance(run, r, line);
        json.writeArrayFieldStart("resources");
        json.writeStartObject();
        json.writeStringField("uid", String.valueOf(run.endpointId()));
        json.writeStringField("name", run.hostname());
        json.writeStringField("type", "Endpoint");
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("device");
        json.writeStringField("hostname", run.hostname());
        json.writeStringField("uid", String.valueOf(run.endpointId()));
        json.writeNumberField("type_id", 0);
        json.writeObjectFieldStart("os");
        json.writeStringField("name", run.os() == null ? "" : run.os());
        json.writeNumberField("type_id", 0);
        json.writeEndObject();
        json.writeEndObject();
        if (r.remediation() != null && !r.remediation().isBlank()) {
            json.writeObjectFieldStart("remediation");
            json.writeStringField("desc", r.remediation());
            json.writeEndObject();
        }
        unmapped(run, r, line);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void metadata(ResultRow r) throws IOException {
        json.writeObjectFieldStart("metadata");
        json.writeStringField("version", OCSF_VERSION);
        json.writeStringField("uid", "caart-result-" + r.id());
        json.writeObjectFieldStart("product");
        json.writeStringField("name", "CAaRT");
        json.writeStringField("vendor_name", "CAaRT");
        json.writeStringField("version", productVersion);
        json.writeEndObject();
        json.writeEndObject();
    }

    private void findingInfo(RunHeader run, ResultRow r, OffsetDateTime at) throws IOException {
        json.writeObjectFieldStart("finding_info");
        json.writeStringField("uid", run.runId() + "/" + r.checkId());
        json.writeStringField("title", r.title());
        if (r.description() != null) {
            json.writeStringField("desc", r.description());
        }
        json.writeNumberField("created_time", at.toInstant().toEpochMilli());
        json.writeArrayFieldStart("types");
        json.writeString(run.policyName());
        json.writeEndArray();
        json.writeEndObject();
    }

    private void compliance(RunHeader run, ResultRow r, ReportLine line) throws IOException {
        json.writeObjectFieldStart("compliance");
        json.writeStringField("control", r.checkId());
        json.writeArrayFieldStart("standards");
        json.writeString(run.policyName());
        json.writeEndArray();
        if (r.references() != null && !r.references().isBlank()) {
            json.writeArrayFieldStart("requirements");
            for (String ref : r.references().split(", ")) {
                if (!ref.isBlank()) {
                    json.writeString(ref.strip());
                }
            }
            json.writeEndArray();
        }
        int statusId = switch (r.status()) {
            case PASSED -> 1;
            case FAILED -> 3;
            case ERROR -> 2;
            case NOT_APPLICABLE, NOT_RUN -> 99;
        };
        json.writeNumberField("status_id", statusId);
        json.writeStringField("status", switch (statusId) {
            case 1 -> "Pass";
            case 2 -> "Warning";
            case 3 -> "Fail";
            default -> "Other";
        });
        json.writeStringField("status_code", line.status());
        if (r.reason() != null) {
            json.writeStringField("status_detail", r.reason());
        }
        json.writeEndObject();
    }

    private void unmapped(RunHeader run, ResultRow r, ReportLine line) throws IOException {
        json.writeObjectFieldStart("unmapped");
        json.writeNumberField("audit_id", run.auditId());
        json.writeStringField("audit_title", run.auditTitle());
        json.writeStringField("run_id", run.runId());
        json.writeStringField("policy_id", run.policyId());
        json.writeStringField("result", line.status());
        json.writeStringField("expected", r.expected());
        json.writeStringField("observed", r.observed());
        if (line.excepted()) {
            ExceptionGrant e = line.exception();
            json.writeObjectFieldStart("exception");
            json.writeStringField("reason", e.reason());
            json.writeStringField("approver", e.approver());
            json.writeStringField("approved_at", Times.iso(e.approvedAt(), report.zone()));
            json.writeStringField("expires_at", Times.iso(e.expiresAt(), report.zone()));
            json.writeStringField("ticket", e.ticket());
            json.writeEndObject();
        }
        if (line.fixed()) {
            json.writeObjectFieldStart("fixed_by");
            json.writeNumberField("remediation_id", line.fix().remediationId());
            json.writeStringField("approver", line.fix().approvedBy());
            json.writeStringField("verified_at", Times.iso(line.fix().verifiedAt(), report.zone()));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    static int severityId(Severity severity) {
        if (severity == null) {
            return 0;
        }
        return switch (severity) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    static String severityName(Severity severity) {
        return switch (severityId(severity)) {
            case 1 -> "Informational";
            case 2 -> "Low";
            case 3 -> "Medium";
            case 4 -> "High";
            case 5 -> "Critical";
            default -> "Unknown";
        };
    }

    @Override
    public void end() throws IOException {
        json.flush();
    }
}
