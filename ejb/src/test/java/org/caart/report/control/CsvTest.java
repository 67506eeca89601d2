package org.caart.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void formulasAreNeutralisedWithAnApostrophe() {
        assertEquals("'=1+1", Csv.cell("=1+1"));
        assertEquals("'+cmd", Csv.cell("+cmd"));
        assertEquals("'-cmd|' /C calc'!A0", Csv.cell("-cmd|' /C calc'!A0"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"http://x\",\"y\")"));
    }

    @Test
    void plainNumbersStayNumbers() {
        assertEquals("-3", Csv.cell("-3"));
        assertEquals("+4.5", Csv.cell("+4.5"));
        assertEquals("'-3-3", Csv.cell("-3-3"));
    }

    @Test
    void rfc4180QuotesCommasQuotesAndLineBreaks() {
        assertEquals("plain", Csv.cell("plain"));
        assertEquals("", Csv.cell(null));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
    }

    @Test
    void rowsEndWithCrLf() throws IOException {
        StringWriter out = new StringWriter();
        new Csv(out).row(Arrays.asList("a", null, "b,c"));
        assertEquals("a,,\"b,c\"\r\n", out.toString());
    }
}
