package org.caart.patch.control;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caart.patch.entity.Criticality;
import org.caart.patch.entity.Device;
import org.caart.patch.entity.DeviceType;

/**
 * Reads a device list in CSV (RFC 4180: commas, double quotes, CRLF or LF). The first line names the columns, in
 * any order: {@code name} (required), {@code type}, {@code criticality}, {@code responsible},
 * {@code last_patch_date} (ISO date). An empty or absent field is "not given": null in the row (a new device then
 * takes the defaults, an existing one keeps what it has). Every bad row is reported with its line and reason; the
 * good rows are returned whole.
 */
public final class DeviceCsv {

    public static final int MAX_ROWS = 10_000;
    static final List<String> COLUMNS = List.of("name", "type", "criticality", "responsible", "last_patch_date");

    public record Row(int line, String name, DeviceType type, Criticality criticality, String responsible,
            LocalDate lastPatchDate) {
    }

    public record Problem(int line, String reason) {
    }

    public record Parsed(List<Row> rows, List<Problem> problems) {
    }

    private DeviceCsv() {
    }

    /** Parses the file; a file without a usable header line is one problem on line 1 and no rows. */
    public static Parsed parse(String text, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        if (records.isEmpty()) {
            problems.add(new Problem(1, "The file is empty; the first line names the columns: "
                    + String.join(",", COLUMNS)));
            return new Parsed(rows, problems);
        }
        Map<String, Integer> header = new HashMap<>();
        Record first = records.get(0);
        for (int i = 0; i < first.fields().size(); i++) {
            String column = first.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                problems.add(new Problem(first.line(), "Unknown column \"" + column + "\"; the columns are "
                        + String.join(", ", COLUMNS)));
                return new Parsed(List.of(), problems);
            }
            if (header.put(column, i) != null) {
                problems.add(new Problem(first.line(), "The column \"" + column + "\" appears twice"));
                return new Parsed(List.of(), problems);
            }
        }
        if (!header.containsKey("name")) {
            problems.add(new Problem(first.line(), "The first line must name the columns, with at least \"name\""));
            return new Parsed(List.of(), problems);
        }
        if (records.size() - 1 > MAX_ROWS) {
            problems.add(new Problem(records.get(MAX_ROWS + 1).line(), "At most " + MAX_ROWS
                    + " devices per file; split the file"));
            return new Parsed(List.of(), problems);
        }
        Set<String> seen = new HashSet<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().size() == 1 && record.fields().get(0).isBlank()) {
                continue;
            }
            if (record.fields().size() != first.fields().size()) {
                problems.add(new Problem(record.line(), "Expected " + first.fields().size() + " fields, found "
                        + record.fields().size()));
                continue;
            }
            String problem = null;
            String name = field(record, header, "name");
            if (name.isEmpty() || name.length() > Device.NAME_MAX) {
                problem = "A device name has 1 to " + Device.NAME_MAX + " characters";
            } else if (!seen.add(Device.key(name))) {
                problem = "The device \"" + name + "\" appears more than once in the file";
            }
            DeviceType type = null; // null: not given (a new device takes OTHER, an existing one keeps its own)
            Criticality criticality = null; // likewise MEDIUM
            LocalDate date = null; // likewise unknown
            String typeText = field(record, header, "type");
            String criticalityText = field(record, header, "criticality");
            String dateText = field(record, header, "last_patch_date");
            String responsible = field(record, header, "responsible");
            if (problem == null && !typeText.isEmpty()) {
                type = parseEnum(DeviceType.class, typeText);
                if (type == null) {
                    problem = "Unknown type \"" + typeText + "\"; use one of " + names(DeviceType.values());
                }
            }
            if (problem == null && !criticalityText.isEmpty()) {
                criticality = parseEnum(Criticality.class, criticalityText);
                if (criticality == null) {
                    problem = "Unknown criticality \"" + criticalityText + "\"; use one of "
                            + names(Criticality.values());
                }
            }
            if (problem == null && responsible.length() > Device.RESPONSIBLE_MAX) {
                problem = "The responsible person has at most " + Device.RESPONSIBLE_MAX + " characters";
            }
            if (problem == null && !dateText.isEmpty()) {
                try {
                    date = LocalDate.parse(dateText);
                    if (date.isAfter(today)) {
                        problem = "The last patch date " + dateText + " lies in the future";
                    } else if (date.isBefore(Device.EARLIEST_PATCH_DATE)) {
                        problem = "The last patch date " + dateText + " lies before 1990, which is not plausible";
                    }
                } catch (DateTimeParseException e) {
                    problem = "The last patch date \"" + dateText + "\" is not an ISO date such as 2026-11-02";
                }
            }
            if (problem != null) {
                problems.add(new Problem(record.line(), problem));
            } else {
                rows.add(new Row(record.line(), name, type, criticality, responsible.isEmpty() ? null : responsible,
                        date));
            }
        }
        return new Parsed(rows, problems);
    }

    private static String field(Record record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null ? "" : record.fields().get(index).strip();
    }

    /** A type or criticality as people type it ("Firewall", "firewall", "due-soon"); null when unknown. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String names(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT))
                .toList());
    }

    private record Record(int line, List<String> fields) {
    }

    /** Splits the text into records; a quoted field may span lines (the record keeps the line it starts on). */
    private static List<Record> records(String text, List<Problem> problems) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields)));
                if (records.size() > MAX_ROWS + 1) {
                    return records; // header + one row too many: enough to refuse, the rest is never parsed
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            problems.add(new Problem(recordLine, "A quoted field is not closed"));
            return records;
        }
        if (any) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        while (!records.isEmpty() && records.get(records.size() - 1).fields().stream().allMatch(String::isBlank)) {
            records.remove(records.size() - 1);
        }
        return records;
    }
}
