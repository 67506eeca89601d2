package org.caart.platform;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Fired (synchronously, in the composing transaction) by the component that writes a company's daily digest for
 * its CISO and security technicians, before it writes it: other components observe it and add a section about the
 * period {@code since}..{@code until} (e.g. the day's remediations). The composer knows none of them.
 */
public final class DigestSections {

    /** A line of a section, linked into the portal (an absolute URL). */
    public record Item(String text, String link) {
    }

    /** A section: {@code total} may exceed the items listed. */
    public record Section(String title, int total, List<Item> items) {

        public Section {
            items = List.copyOf(items);
        }
    }

    private final long companyId;
    private final OffsetDateTime since;
    private final OffsetDateTime until;
    private final List<Section> sections = new ArrayList<>();
    private int statements;

    public DigestSections(long companyId, OffsetDateTime since, OffsetDateTime until) {
        this.companyId = companyId;
        this.since = since;
        this.until = until;
    }

    /** Adds a section; {@code statementsRun}: the SQL statements the observer ran for it (the composer counts them). */
    public void add(Section section, int statementsRun) {
        sections.add(section);
        statements += statementsRun;
    }

    public int statements() {
        return statements;
    }

    public long companyId() {
        return companyId;
    }

    public OffsetDateTime since() {
        return since;
    }

    public OffsetDateTime until() {
        return until;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }
}
