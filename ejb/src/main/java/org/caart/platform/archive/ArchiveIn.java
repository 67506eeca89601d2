package org.caart.platform.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The reading side of a company archive whose manifest and hashes have been verified: a part reads its own files
 * row by row. {@code open} hands out a file's bytes (the orchestrator's verified, size-capped stream), or null
 * when the archive has no such file.
 */
public final class ArchiveIn {

    private static final JsonFactory JSON = new JsonFactory();

    private final Function<String, InputStream> open;
    private String part;

    public ArchiveIn(Function<String, InputStream> open) {
        this.open = open;
    }

    /** The part now reading (set by the orchestrator before each {@link CompanyPart#restore}). */
    public void startPart(String name) {
        this.part = name;
    }

    /** Hands each row of {@code <part>/<file>.jsonl} to {@code handler}, in file order; nothing if absent. */
    public long forEach(String file, RowHandler handler) {
        String path = part + "/" + file + ".jsonl";
        long line = 0;
        try (InputStream in = open.apply(path)) {
            if (in == null) {
                return 0;
            }
            try (JsonParser json = JSON.createParser(in)) {
                JsonToken token;
                while ((token = json.nextToken()) != null) {
                    line++;
                    if (token != JsonToken.START_OBJECT) {
                        throw new ArchiveRefused(path + " line " + line + ": a row is not a JSON object");
                    }
                    handler.row(new Row(path, line, object(json, path, line)));
                }
            }
            return line;
        } catch (JsonProcessingException e) {
            throw new ArchiveRefused(path + " line " + (line + 1) + ": not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import " + path + " line " + line + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> object(JsonParser json, String path, long line) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            values.put(name, switch (value) {
                case VALUE_NULL -> null;
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_STRING -> json.getText();
                case VALUE_NUMBER_INT -> {
                    if (json.getNumberType() != JsonParser.NumberType.INT
                            && json.getNumberType() != JsonParser.NumberType.LONG) {
                        throw new ArchiveRefused(path + " line " + line + ": " + name + " is out of range");
                    }
                    yield json.getLongValue();
                }
                default -> throw new ArchiveRefused(path + " line " + line + ": " + name
                        + " holds neither a text, a whole number, true, false nor null");
            });
        }
        return values;
    }

    /** What a part does with each row; SQL failures end the import (and roll it back). */
    @FunctionalInterface
    public interface RowHandler {
        void row(Row row) throws SQLException;
    }
}
