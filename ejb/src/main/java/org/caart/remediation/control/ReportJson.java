package org.caart.remediation.control;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caart.contract.agent.v1.RemediationItemReport;
import org.caart.contract.agent.v1.RemediationReportView;
import org.caart.platform.InvalidInputException;

/**
 * Reads and checks an agent's remediation report, the way result batches are read: Jackson names the wrong field
 * ({@code items[2].state}); unknown fields are ignored (the API grows additively).
 */
public final class ReportJson {

    public static final int MAX_ITEMS = FailingChecks.MAX_ITEMS;
    private static final ObjectReader READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build()
            .readerFor(RemediationReportView.class);

    private ReportJson() {
    }

    /** @throws InvalidInputException naming the field, or "body" for what is not JSON */
    public static RemediationReportView read(byte[] json) {
        RemediationReportView report;
        try {
            report = READER.readValue(json);
        } catch (DatabindException e) {
            throw new InvalidInputException(path(e instanceof JsonMappingException m ? m.getPath() : List.of()),
                    "The body is not a remediation report: " + cut(e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "The body is not JSON: " + cut(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidInputException("body", "The body could not be read: " + e.getMessage());
        }
        check(report);
        return report;
    }

    static void check(RemediationReportView report) {
        if (report == null) {
            throw new InvalidInputException("body", "A remediation report is a JSON object");
        }
        Map<String, String> errors = new HashMap<>();
        if (report.reportId() == null || report.reportId().isBlank() || report.reportId().length() > 36) {
            errors.put("reportId", "A report id (a UUID) is required");
        }
        if (report.orderId() == null || report.orderId().isBlank()) {
            errors.put("orderId", "The order id is required");
        }
        if (report.action() == null) {
            errors.put("action", "The order's action is required");
        }
        if (report.sequence() < 0) {
            errors.put("sequence", "The sequence is 0 or more");
        }
        if (report.items().size() > MAX_ITEMS) {
            errors.put("items", "A report has at most " + MAX_ITEMS + " items");
        }
        for (int i = 0; i < report.items().size() && errors.size() < 20; i++) {
            RemediationItemReport item = report.items().get(i);
            if (item == null || item.itemId() == null || item.itemId().isBlank()) {
                errors.put("items[" + i + "].itemId", "Each item names its item id");
            } else if (item.state() == null) {
                errors.put("items[" + i + "].state", "Each item has a state");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String cut(String message) {
        return message == null ? "" : message.length() <= 300 ? message : message.substring(0, 299) + "…";
    }
}
