package org.caart.report.control;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as RFC 4180 writes it (CRLF line ends; a cell with a comma, a double quote, CR or LF is quoted and its quotes
 * doubled), with cells neutralised against formula injection: a cell that starts with {@code = + - @}, a tab or a
 * carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it (a plain decimal
 * number such as {@code -3} is left as it is: it cannot be a formula).
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One cell as written: neutralised, then quoted when it must be. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = dangerous(value.charAt(0)) && !NUMBER.matcher(value).matches() ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static boolean dangerous(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
