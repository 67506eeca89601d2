package org.caart.platform.archive;

/**
 * A component's share of a company archive (export, import, deletion): the component's own tables, written and read
 * by its own classes, so no other component names them. Components provide theirs as CDI beans (a
 * {@code @Stateless} bean in their {@code boundary} package, {@code MANDATORY}: it runs in the caller's
 * transaction); the {@code export} component finds them all and orchestrates, knowing none of them.
 *
 * <p>Parts are imported in ascending {@link #rank()} and erased in descending rank, so a part may refer to the ids
 * of any part ranked before it (through {@link IdMap}). The ranks in use:
 * <pre>
 *   10 company     company, members and roles, invitations
 *   20 policy      uploaded policies
 *   30 endpoint    endpoints (agents)
 *   40 audit       audits, runs, results with their evidence and texts, the retention setting
 *   45 waiver      exceptions granted for a check, their evidence, the longest periods per severity
 *   50 patch       devices, patch history, patch policy and overrides, API keys, patch checks
 *   60 remediation remediations, orders, items, the journal (steps), the approval setting
 *   70 feed        the SIEM feed's settings and syslog destinations (not its events)
 *   90 trail       the company's trail (never erased: it outlives the company)
 * </pre>
 * A part's {@link #name()} is its folder in the archive. A newer version may add parts and columns; an archive
 * without a part imports nothing for it, and {@link Row} answers null for a column the archive lacks.
 */
public interface CompanyPart {

    /** The folder of this part in the archive (lower case, letters and underscores). */
    String name();

    /** Import order: lower first (see the table above). */
    int rank();

    /** Writes every row the company owns in this part's tables, as files of {@code out}. */
    void export(long companyId, ArchiveOut out);

    /** Inserts this part's rows of the archive for the new company {@code ids.companyId()}, with new ids. */
    void restore(ArchiveIn in, IdMap ids);

    /** Removes every row the company owns in this part's tables (a company deletion). */
    void erase(long companyId);
}
