package org.caart.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.caart.patch.control.DeviceCsv;
import org.caart.patch.entity.DeviceType;
import org.junit.jupiter.api.Test;

class DeviceCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void quotedFieldsCrlfAByteOrderMarkAndColumnsInAnyOrder() {
        DeviceCsv.Parsed parsed = DeviceCsv.parse("\uFEFFlast_patch_date,Name,type\r\n"
                + "2026-11-01,\"fw, \"\"edge\"\"\",firewall\r\n"
                + "\r\n"
                + ",printer,appliance\r\n", TODAY);
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(
                new DeviceCsv.Row(2, "fw, \"edge\"", DeviceType.FIREWALL, null, null, LocalDate.of(2026, 11, 1)),
                new DeviceCsv.Row(4, "printer", DeviceType.APPLIANCE, null, null, null)),
                parsed.rows());
    }

    @Test
    void aPatchDateBefore1990IsRefusedAsTheFormAndTheApiDo() {
        DeviceCsv.Parsed parsed = DeviceCsv.parse("name,type,criticality,responsible,last_patch_date\n"
                + "ancient,router,,,1985-02-01\n"
                + "oldest,router,,,1990-01-01\n", TODAY);
        assertEquals(List.of("oldest"), parsed.rows().stream().map(DeviceCsv.Row::name).toList());
        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        assertEquals(2, parsed.problems().get(0).line());
        assertTrue(parsed.problems().get(0).reason().contains("before 1990"), parsed.problems().toString());
    }

    @Test
    void eachBadRowIsNamedByItsLineAndTheGoodOnesStay() {
        DeviceCsv.Parsed parsed = DeviceCsv.parse("name,type,criticality,responsible,last_patch_date\n"
                + "ok,router,high,Ops,2026-11-20\n"
                + "bad-type,toaster,,,\n"
                + "bad-level,router,urgent,,\n"
                + "bad-date,router,,,20.11.2026\n"
                + "future,router,,,2026-11-23\n"
                + "OK,router,,,\n"
                + "short\n"
                + ",router,,,\n"
                + "\"multi\nline\",switch,,,\n"
                + "after,switch,,,2026-11-22\n", TODAY);
        assertEquals(List.of("ok", "multi\nline", "after"), parsed.rows().stream().map(DeviceCsv.Row::name).toList());
        assertEquals(List.of(2, 10, 12), parsed.rows().stream().map(DeviceCsv.Row::line).toList());
        List<Integer> lines = parsed.problems().stream().map(DeviceCsv.Problem::line).toList();
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9), lines, parsed.problems().toString());
        assertTrue(parsed.problems().get(0).reason().contains("toaster"));
        assertTrue(parsed.problems().get(1).reason().contains("urgent"));
        assertTrue(parsed.problems().get(2).reason().contains("ISO date"));
        assertTrue(parsed.problems().get(3).reason().contains("future"));
        assertTrue(parsed.problems().get(4).reason().contains("more than once"), "names are unique ignoring case");
        assertTrue(parsed.problems().get(5).reason().contains("Expected 5 fields, found 1"));
        assertTrue(parsed.problems().get(6).reason().contains("1 to 120"));
    }

    @Test
    void aFileWithoutAUsableHeaderIsRefusedWhole() {
        assertTrue(DeviceCsv.parse("", TODAY).problems().get(0).reason().contains("empty"));
        assertTrue(DeviceCsv.parse("fw-1,firewall\n", TODAY).problems().get(0).reason().contains("Unknown column"));
        assertTrue(DeviceCsv.parse("type\nfirewall\n", TODAY).problems().get(0).reason().contains("\"name\""));
        assertTrue(DeviceCsv.parse("name,name\nx,y\n", TODAY).problems().get(0).reason().contains("twice"));
        DeviceCsv.Parsed open = DeviceCsv.parse("name\n\"never closed\n", TODAY);
        assertTrue(open.problems().get(0).reason().contains("not closed"), open.problems().toString());
        assertEquals(List.of(), open.rows());
    }

    @Test
    void readingStopsAtTheRowLimitWithoutParsingTheRest() {
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 0; i < DeviceCsv.MAX_ROWS * 5; i++) {
            csv.append("device ").append(i).append('\n');
        }
        csv.append("\"a quote never closed\n");
        DeviceCsv.Parsed parsed = DeviceCsv.parse(csv.toString(), TODAY);
        assertEquals(List.of(new DeviceCsv.Problem(DeviceCsv.MAX_ROWS + 2, "At most " + DeviceCsv.MAX_ROWS
                + " devices per file; split the file")), parsed.problems());
        assertEquals(List.of(), parsed.rows());
    }
}
