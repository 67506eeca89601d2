package org.caart.report.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.caart.audit.boundary.ReportReads.ResultRow;
import org.caart.audit.boundary.ReportReads.RunHeader;
import org.caart.audit.entity.Score;
import org.caart.contract.agent.v1.CheckStatus;
import org.caart.report.boundary.ExceptionGrant;
import org.caart.report.boundary.Report;
import org.caart.report.boundary.ReportLine;

/**
 * The report as a PDF (Apache PDFBox, the standard Helvetica fonts): the summary with both scores and the counts, the
 * endpoints, then per run each result with its evidence, remediation and exception. Pages are buffered in a temporary
 * file, not in memory; at most {@link #MAX_RESULTS} results are printed (the rest is counted, and the CSV and XCCDF
 * hold them all).
 */
public final class PdfReport implements ReportWriter {

    public static final int MAX_RESULTS = 5000;
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final String WIN_ANSI_EXTRA = "–—‘’‚“”„†‡•…‰‹›€™ŠšŽžŒœŸƒˆ˜";

    private final OutputStream out;
    private final PDDocument document;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;
    private int pages;
    private Report report;
    private int printed;
    private int left;

    public PdfReport(OutputStream out) {
        this.out = out;
        document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    }

    @Override
    public void begin(Report report) throws IOException {
        this.report = report;
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(winAnsi(report.title()));
        info.setCreator("CAaRT");
        newPage();
        text(bold, 16, report.title());
        gap(4);
        text(regular, 10, "Company: " + report.companyName());
        if (report.audit() != null) {
            text(regular, 10, "Audit: " + report.audit().title() + " (#" + report.audit().id() + ", "
                    + report.audit().status() + ")");
            text(regular, 10, "Started: " + Times.readable(report.audit().startedAt(), report.zone())
                    + "   Finished: " + Times.readable(report.audit().finishedAt(), report.zone()));
        } else {
            text(regular, 10, report.kind() == Report.Kind.ENDPOINT ? "Scope: latest completed results of "
                    + report.subject() + " per policy" : "Scope: latest completed results per endpoint and policy");
        }
        text(regular, 10, "Written: " + Times.readable(report.generatedAt(), report.zone()));
        gap(6);
        text(bold, 13, "Score: " + report.rawScoreLabel() + "   Score with exceptions: "
                + report.exceptedScoreLabel());
        Report.Totals t = report.totals();
        text(regular, 10, "Passed " + t.passed() + ", failed " + t.failed() + ", excepted " + t.excepted()
                + ", not applicable " + t.notApplicable() + ", errors " + t.errors() + ", not run " + t.notRun());
        gap(8);
        text(bold, 12, "Endpoints");
        for (RunHeader run : report.runs()) {
            Report.RunScore score = report.scores().get(run.runId());
            text(regular, 10, run.hostname() + " | " + run.policyName() + " | audit #" + run.auditId() + " | "
                    + run.status() + " | passed " + run.passed() + ", failed " + run.failed() + " | score "
                    + run.scoreLabel() + " | with exceptions " + (score == null || score.withExceptions() == null
                            ? run.scoreLabel() : Score.format(score.withExceptions())));
        }
        if (report.runs().isEmpty()) {
            text(regular, 10, "No results to report.");
        }
    }

    @Override
    public void run(RunHeader run) throws IOException {
        if (printed < MAX_RESULTS) {
            gap(8);
            text(bold, 12, run.hostname() + " - " + run.policyName());
        }
    }

    @Override
    public void line(ReportLine line) throws IOException {
        if (printed >= MAX_RESULTS) {
            left++;
            return;
        }
        printed++;
        ResultRow r = line.result();
        gap(5);
        text(bold, 10, r.checkId() + "  " + line.status() + (r.severity() == null ? ""
                : "  (" + r.severity().name().toLowerCase(Locale.ROOT) + ")"));
        text(regular, 10, r.title());
        field("Expected", r.expected());
        field("Observed", r.observed());
        field("Reason", r.reason());
        field("References", r.references());
        if (r.status() != CheckStatus.PASSED) {
            field("Remediation", r.remediation());
        }
        if (line.excepted()) {
            ExceptionGrant x = line.exception();
            field("Exception", x.reason() + " - approved by " + x.approver() + " on "
                    + Times.readable(x.approvedAt(), report.zone()) + ", expires "
                    + Times.readable(x.expiresAt(), report.zone())
                    + (x.ticket() == null || x.ticket().isBlank() ? "" : ", ticket " + x.ticket()));
        }
        if (line.fixed()) {
            field("Fixed by", Times.fix(line.fix(), report.zone()));
        }
    }

    @Override
    public void end() throws IOException {
        if (left > 0) {
            gap(8);
            text(bold, 10, left + " more results are not printed: the CSV, XCCDF and OCSF downloads hold all of them.");
        }
        page.close();
        try {
            document.save(out);
        } finally {
            document.close();
        }
        out.flush();
    }

    private void field(String label, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            text(regular, 9, label + ": " + value);
        }
    }

    private void gap(float points) {
        y -= points;
    }

    /** Writes the text wrapped to the page width, line by line, on as many pages as it takes. */
    private void text(PDFont font, float size, String text) throws IOException {
        for (String paragraph : winAnsi(text).split("\n", -1)) {
            for (String line : wrap(font, size, paragraph)) {
                if (y - size * 1.25f < MARGIN) {
                    newPage();
                }
                y -= size * 1.25f;
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN, y);
                page.showText(line);
                page.endText();
            }
        }
    }

    private static List<String> wrap(PDFont font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= WIDTH) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(font, size, word) > WIDTH) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, size, word.substring(0, cut)) > WIDTH) {
                    cut = Math.max(1, cut * 3 / 4);
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        pages++;
        y = PDRectangle.A4.getHeight() - MARGIN;
        page.beginText();
        page.setFont(regular, 8);
        page.newLineAtOffset(MARGIN, MARGIN / 2);
        page.showText(winAnsi("CAaRT - " + (report == null ? "" : report.companyName()) + " - page " + pages));
        page.endText();
    }

    /** The text in the standard fonts' WinAnsi encoding: tabs become spaces, other characters it lacks '?'. */
    static String winAnsi(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                out.append(' ');
            } else if (c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF)
                    || WIN_ANSI_EXTRA.indexOf(c) >= 0) {
                out.append(c);
            } else if (c != '\r') {
                out.append('?');
            }
        }
        return out.toString();
    }
}
