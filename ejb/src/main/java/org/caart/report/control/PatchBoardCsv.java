package org.caart.report.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.caart.patch.entity.Device;
import org.caart.report.boundary.Download;

/** The patch board as CSV ({@link Csv}'s rules), one row per device in the board's order. */
public final class PatchBoardCsv implements Download.Body {

    public static final List<String> COLUMNS = List.of("device", "type", "criticality", "responsible", "status",
            "last_patch_date", "expiry", "days_left", "source", "source_detail", "os_build", "agent", "as_of");

    private final List<Device> devices;

    public PatchBoardCsv(List<Device> devices) {
        this.devices = devices;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        Csv csv = new Csv(writer);
        csv.row(COLUMNS);
        for (Device d : devices) {
            csv.row(Arrays.asList(d.getName(), d.getType().name(), d.getCriticality().name(), d.getResponsible(),
                    d.getStatus().name(), date(d.getLastPatchDate()), date(d.getExpiry()),
                    d.getDaysLeft() == null ? "" : String.valueOf(d.getDaysLeft()),
                    d.getPatchSource() == null ? "" : d.getPatchSource().name(), d.getPatchDetail(), d.getOsBuild(),
                    d.isAgentBacked() ? "yes" : "no", date(d.getEvaluatedOn())));
        }
        writer.flush();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
