package org.caart.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.contract.agent.v1.ResultBatchView;
import org.caart.contract.agent.v1.RunEnd;
import org.caart.contract.agent.v1.Severity;
import org.caart.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading result batches: what agents send, what a bad body is told (the field, not just "bad JSON"). */
class BatchJsonTest {

    private static final String BATCH = "11111111-2222-4333-8444-555555555555";
    private static final String RUN = "66666666-7777-4888-9999-000000000000";

    @Test
    void aBatchAsTheAgentSendsIt() {
        ResultBatchView batch = read("{\"batchId\":\"" + BATCH + "\",\"runId\":\"" + RUN + "\",\"sequence\":2,"
                + "\"planned\":40,\"results\":[{\"checkId\":\"1.1\",\"title\":\"Título\",\"status\":\"FAILED\","
                + "\"severity\":\"HIGH\",\"references\":[\"CIS 1.1\"],\"reason\":null,\"expected\":\"e\","
                + "\"observed\":\"o\",\"description\":\"d\",\"rationale\":\"r\",\"remediation\":\"m\","
                + "\"durationMicros\":12,\"addedByANewerAgent\":{\"x\":[1,2]}}],\"end\":\"COMPLETED\",\"error\":null}");
        assertEquals(BATCH, batch.batchId());
        assertEquals(RUN, batch.runId());
        assertEquals(2, batch.sequence());
        assertEquals(40, batch.planned());
        assertEquals(RunEnd.COMPLETED, batch.end());
        assertEquals(1, batch.results().size());
        var result = batch.results().get(0);
        assertEquals("Título", result.title());
        assertEquals(CheckStatus.FAILED, result.status());
        assertEquals(Severity.HIGH, result.severity());
        assertEquals(List.of("CIS 1.1"), result.references());
        assertEquals(12, result.durationMicros());
        assertNull(result.reason());
    }

    @Test
    void missingListsAreEmptyAndJsonNullIsNoBatch() {
        ResultBatchView batch = read("{\"batchId\":\"" + BATCH + "\",\"runId\":\"" + RUN + "\",\"sequence\":0,"
                + "\"planned\":0,\"end\":\"STOPPED\"}");
        assertEquals(List.of(), batch.results());
        assertNull(read("null"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"batchId\":\"x\",\"sequence\":\"1\"}                          | sequence",
        "{\"sequence\":1.5}                                             | sequence",
        "{\"results\":[{\"checkId\":\"a\"},{\"status\":\"MAYBE\"}]}      | results[1].status",
        "{\"results\":[{\"references\":\"not a list\"}]}               | results[0].references",
        "{\"results\":{}}                                               | results",
        "{\"end\":\"SOMETIME\"}                                         | end",
        "[1,2]                                                          | body",
        "{\"batchId\":                                                  | body",
        "not json at all                                                | body",
        "''                                                             | body"})
    void aBadBodyIsRefusedNamingTheField(String json, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(json));
        assertEquals(List.of(field), List.copyOf(e.fieldErrors().keySet()), e.getMessage());
        String message = e.fieldErrors().get(field);
        assertTrue(message.startsWith("The body is not"), message);
        assertTrue(message.length() < 400, message);
    }

    @Test
    void aSyntaxErrorSaysWhere() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\n\"batchId\": nope}"));
        assertEquals(Map.of("body", e.fieldErrors().get("body")), e.fieldErrors());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    private static ResultBatchView read(String json) {
        return BatchJson.read(json.getBytes(StandardCharsets.UTF_8));
    }
}
