package org.caart.platform.archive;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One row of an archive file, read by column name. A column the archive lacks reads as null (an older archive);
 * a value of the wrong kind refuses the archive, naming the file, line and column.
 */
public final class Row {

    private final String file;
    private final long line;
    private final Map<String, Object> values;

    Row(String file, long line, Map<String, Object> values) {
        this.file = file;
        this.line = line;
        this.values = values;
    }

    public String text(String column) {
        Object value = values.get(column);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw wrong(column, "a text");
    }

    public Long number(String column) {
        Object value = values.get(column);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        throw wrong(column, "a whole number");
    }

    /** A number the row must have (an id, a count). */
    public long required(String column) {
        Long value = number(column);
        if (value == null) {
            throw new ArchiveRefused(file + " line " + line + ": " + column + " is missing");
        }
        return value;
    }

    public Integer integer(String column) {
        Long value = number(column);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw wrong(column, "a 32-bit number");
        }
        return value == null ? null : value.intValue();
    }

    public Boolean flag(String column) {
        Object value = values.get(column);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrong(column, "true or false");
    }

    public OffsetDateTime time(String column) {
        String value = text(column);
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw wrong(column, "a time with offset");
        }
    }

    public LocalDate date(String column) {
        String value = text(column);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw wrong(column, "a date");
        }
    }

    /** Where this row is, for messages: {@code audit/audit.jsonl line 3}. */
    public String where() {
        return file + " line " + line;
    }

    private ArchiveRefused wrong(String column, String kind) {
        return new ArchiveRefused(where() + ": " + column + " is not " + kind);
    }
}
