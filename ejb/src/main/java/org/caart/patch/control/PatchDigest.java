package org.caart.patch.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.caart.platform.DigestSections;
import org.caart.platform.Html;

/**
 * The mails of the patch check: the daily digest for the company's CISO and security technicians, and the short
 * notice when a check run on demand finds devices that became overdue since. Plain text and HTML; every item links
 * into the portal under the configured public URL. The digest ends with the sections other components added
 * ({@link DigestSections}).
 */
public final class PatchDigest {

    /** A device line: {@code days} is days overdue (OVERDUE), days left (DUE_SOON), or null. */
    public record DeviceLine(long id, String name, String type, LocalDate lastPatchDate, Integer days,
            boolean newlyOverdue) {
    }

    /** An agent not seen for a while; {@code lastSeen} as people read it (the company's zone, {@code Times.human}). */
    public record StaleAgent(long endpointId, String hostname, String lastSeen) {
    }

    /** One finding of the night's compliance run, linked to its audit. */
    public record Finding(long auditId, String hostname, String text) {
    }

    public record Content(long companyId, String company, LocalDate day, List<DeviceLine> overdue, int overdueTotal,
            List<DeviceLine> dueSoon, int dueSoonTotal, List<DeviceLine> unknown, int unknownTotal,
            int staleAgentHours, List<StaleAgent> staleAgents, List<Finding> scoreDrops, List<Finding> newFailures,
            List<Finding> failedToStart, List<DigestSections.Section> more) {

        public Content {
            more = more == null ? List.of() : List.copyOf(more);
        }
    }

    public record Mail(String subject, String text, String html) {
    }

    private final String base;

    public PatchDigest(String publicUrl) {
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public Mail daily(Content c) {
        String subject = "[CAaRT] " + c.company() + ": " + c.overdueTotal() + " overdue, " + c.dueSoonTotal()
                + " due soon — patch digest " + c.day();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        text.append("Patch digest for ").append(c.company()).append(", ").append(c.day())
                .append(" (company time)\n\n");
        html.append("<html><body style=\"font-family:sans-serif\"><h2>Patch digest for ")
                .append(Html.escape(c.company())).append(", ").append(c.day()).append("</h2>");
        devices(text, html, c, "Overdue", c.overdue(), c.overdueTotal(),
                d -> d.days() + " day(s) overdue, last patched " + d.lastPatchDate() + (d.newlyOverdue() ? " (new)" : ""));
        devices(text, html, c, "Due soon", c.dueSoon(), c.dueSoonTotal(),
                d -> d.days() + " day(s) left, last patched " + d.lastPatchDate());
        devices(text, html, c, "Patch date unknown", c.unknown(), c.unknownTotal(), d -> "no patch date known");
        section(text, html, "Stale agents (not seen for " + c.staleAgentHours() + " h)", c.staleAgents().size(),
                c.staleAgents().stream().map(s -> new Item(s.hostname() + ": last seen " + s.lastSeen(),
                        base + "/app/endpoints.xhtml?company=" + c.companyId())).toList());
        section(text, html, "Nightly compliance run: score fell", c.scoreDrops().size(), findings(c, c.scoreDrops()));
        section(text, html, "Nightly compliance run: newly failing high-severity checks", c.newFailures().size(),
                findings(c, c.newFailures()));
        section(text, html, "Nightly compliance run: failed to start", c.failedToStart().size(),
                findings(c, c.failedToStart()));
        for (DigestSections.Section more : c.more()) {
            section(text, html, more.title(), more.total(), more.items().stream()
                    .map(i -> new Item(i.text(), i.link())).toList());
        }
        String board = board(c.companyId());
        text.append("Patch board: ").append(board).append('\n');
        html.append("<p><a href=\"").append(Html.escape(board)).append("\">Open the patch board</a></p>")
                .append("</body></html>");
        return new Mail(subject, text.toString(), html.toString());
    }

    /** The notice of a check run on demand: only the devices that became overdue since the day's digest. */
    public Mail becameOverdue(long companyId, String company, LocalDate day, List<DeviceLine> devices) {
        String subject = "[CAaRT] " + company + ": " + devices.size() + " device(s) became overdue";
        StringBuilder text = new StringBuilder("A patch check of " + company + " on " + day
                + " found devices that became overdue since the daily digest.\n\n");
        StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\"><p>A patch check of "
                + Html.escape(company) + " on " + day + " found devices that became overdue since the daily digest.</p>");
        Content c = new Content(companyId, company, day, devices, devices.size(), List.of(), 0, List.of(), 0, 0,
                List.of(), List.of(), List.of(), List.of(), List.of());
        devices(text, html, c, "Became overdue", devices, devices.size(),
                d -> d.days() + " day(s) overdue, last patched " + d.lastPatchDate());
        text.append("Patch board: ").append(board(companyId)).append('\n');
        html.append("<p><a href=\"").append(Html.escape(board(companyId))).append("\">Open the patch board</a></p>")
                .append("</body></html>");
        return new Mail(subject, text.toString(), html.toString());
    }

    private String board(long companyId) {
        return base + "/app/patches.xhtml?company=" + companyId;
    }

    private record Item(String text, String link) {
    }

    private List<Item> findings(Content c, List<Finding> findings) {
        return findings.stream().map(f -> new Item(f.hostname() + ": " + f.text(),
                base + "/app/audit.xhtml?company=" + c.companyId() + "&audit=" + f.auditId())).toList();
    }

    private void devices(StringBuilder text, StringBuilder html, Content c, String title, List<DeviceLine> lines,
            int total, Function<DeviceLine, String> detail) {
        List<Item> items = lines.stream().map(d -> new Item(d.name() + " (" + d.type().toLowerCase(Locale.ROOT)
                + "): " + detail.apply(d), base + "/app/device.xhtml?company=" + c.companyId() + "&device=" + d.id()))
                .toList();
        section(text, html, title, total, items);
    }

    private static void section(StringBuilder text, StringBuilder html, String title, int total, List<Item> items) {
        text.append(title.toUpperCase(Locale.ROOT)).append(" (").append(total).append(")\n");
        html.append("<h3>").append(Html.escape(title)).append(" (").append(total).append(")</h3>");
        if (items.isEmpty()) {
            text.append("  none\n\n");
            html.append("<p>none</p>");
            return;
        }
        html.append("<ul>");
        for (Item item : items) {
            text.append("  - ").append(item.text()).append("\n    ").append(item.link()).append('\n');
            html.append("<li><a href=\"").append(Html.escape(item.link())).append("\">")
                    .append(Html.escape(item.text())).append("</a></li>");
        }
        html.append("</ul>");
        if (total > items.size()) {
            text.append("  … and ").append(total - items.size()).append(" more on the patch board\n");
            html.append("<p>… and ").append(total - items.size()).append(" more on the patch board</p>");
        }
        text.append('\n');
    }
}
