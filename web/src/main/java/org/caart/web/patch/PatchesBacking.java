package org.caart.web.patch;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caart.mail.boundary.Outbox;
import org.caart.patch.boundary.Devices;
import org.caart.patch.boundary.PatchChecks;
import org.caart.patch.entity.Device;
import org.caart.patch.entity.DeviceType;
import org.caart.patch.entity.PatchCheck;
import org.caart.patch.entity.PatchStatus;
import org.caart.platform.InvalidInputException;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.MailNotice;
import org.caart.web.PagedModel;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/**
 * The patch board: every device with its status, filters, counts, and the past checks; owners and admins add
 * devices, import them from CSV and run the check now.
 */
@Named
@ViewScoped
public class PatchesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RUNS = 30;
    static final int ROWS = 50;

    @Inject
    Devices devices;

    @Inject
    CompanyTime time;

    @Inject
    Outbox outbox;

    @Inject
    PatchChecks checks;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private long companyId;
    private final PagedModel<DeviceRow> rows = new PagedModel<>(ROWS, this::board, d -> String.valueOf(d.getId()));
    private Counts counts = new Counts(0, 0, 0, 0, 0);
    private List<CheckRow> runs = List.of();
    private String status;
    private String type;
    private String text;
    private final DeviceForm add = new DeviceForm();
    private transient Part file;
    private ImportResult imported;

    public void load() {
        companyId = current.id();
        refresh();
    }

    /** A new filter: from the first page. */
    public void filter() {
        rows.reset(":board:devices");
        showBoard();
    }

    /** One page of the board: one boundary call, which also brings the counts per status. */
    private PagedModel.Slice<DeviceRow> board(int first, int max, PagedModel.Sort sort) {
        Devices.Board board = devices.board(companyId, new Devices.BoardFilter(
                        blank(status) ? null : PatchStatus.valueOf(status), blank(type) ? null : DeviceType.valueOf(type),
                        text), sort == null ? null : sort.field(), sort == null || sort.ascending(), first, max);
        counts = new Counts(board.total(), board.of(PatchStatus.OVERDUE), board.of(PatchStatus.DUE_SOON),
                board.of(PatchStatus.UNKNOWN), board.of(PatchStatus.CURRENT));
        return new PagedModel.Slice<>(board.devices().stream().map(DeviceRow::of).toList(), board.count());
    }

    /** Reads the page the table stands on (and the counts shown above it) before the page is drawn. */
    private void showBoard() {
        PagedModel.Slice<DeviceRow> page = board(rows.first(), rows.max(), rows.sort());
        rows.preload(page.rows(), page.count());
    }

    public void addDevice() {
        try {
            Device device = devices.create(companyId, add.request(), user.sourceAddress());
            FormMessages.info(faces, "Device " + device.getName() + " added: " + PatchOptions.label(device.getStatus()));
            add.clear();
            refresh();
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "add", e);
        }
    }

    public void importCsv() {
        try {
            imported = ImportResult.of(devices.importCsv(companyId, read(file), user.sourceAddress()));
            FormMessages.info(faces, "Import: " + imported.created() + " device(s) created, " + imported.updated()
                    + " updated, " + imported.unchanged() + " unchanged, " + imported.refused().size() + " line(s) refused");
            refresh();
        } catch (InvalidInputException e) {
            imported = null;
            FormMessages.show(faces, "import", e);
        }
    }

    public void runCheck() {
        PatchCheck check = checks.runNow(companyId, user.sourceAddress());
        FormMessages.info(faces, "Check run: " + check.getDevices() + " device(s), " + check.getOverdue()
                + " overdue (" + check.getNewlyOverdue() + " newly), " + check.getDueSoon() + " due soon, "
                + check.getUnknown() + " unknown, " + check.getCurrent() + " current; " + check.getMails()
                + " mail(s) queued");
        if (check.getMails() > 0) {
            MailNotice.warnIfUndeliverable(faces, outbox);
        }
        refresh();
    }

    private void refresh() {
        runs = checks.runs(companyId, RUNS).stream().map(c -> CheckRow.of(c, time)).toList();
        showBoard();
    }

    private static String read(Part part) {
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the uploaded CSV file", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The board's counts, over all devices (not only the filtered ones). */
    public Counts getCounts() {
        return counts;
    }

    public record Counts(long total, long overdue, long dueSoon, long unknown, long current) implements Serializable {
    }

    /** What the last import did: counts and each refused line with its reason. */
    public record ImportResult(int created, int updated, int unchanged, List<Refused> refused) implements Serializable {

        static ImportResult of(Devices.ImportReport report) {
            return new ImportResult(report.created(), report.updated(), report.unchanged(),
                    report.problems().stream().map(p -> new Refused(p.line(), p.reason())).toList());
        }
    }

    public record Refused(int line, String reason) implements Serializable {
    }

    /** One past check as the "Past checks" table shows it. */
    public record CheckRow(long id, String kind, String runDate, String startedAt, String actor, int devices,
            int overdue, int newlyOverdue, int dueSoon, int unknown, int current, int mails) implements Serializable {

        static CheckRow of(PatchCheck c, CompanyTime time) {
            return new CheckRow(c.getId(), c.getKind().name(), c.getRunDate().toString(), time.of(c.getStartedAt()),
                    c.getActor(), c.getDevices(), c.getOverdue(), c.getNewlyOverdue(), c.getDueSoon(), c.getUnknown(),
                    c.getCurrent(), c.getMails());
        }
    }

    public PagedModel<DeviceRow> getRows() {
        return rows;
    }

    public List<CheckRow> getRuns() {
        return runs;
    }

    public DeviceForm getAdd() {
        return add;
    }

    public ImportResult getImported() {
        return imported;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
