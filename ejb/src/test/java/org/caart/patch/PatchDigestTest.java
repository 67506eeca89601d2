package org.caart.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.caart.patch.control.PatchDigest;
import org.caart.platform.DigestSections;
import org.junit.jupiter.api.Test;

class PatchDigestTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private final PatchDigest digest = new PatchDigest("https://caart.example.org/");

    @Test
    void theDigestListsEverySectionWithLinksUnderThePublicUrl() {
        PatchDigest.Content content = new PatchDigest.Content(7, "Clinic <North>", DAY,
                List.of(new PatchDigest.DeviceLine(11, "firewall 2", "FIREWALL", DAY.minusDays(68), 38, true)), 1,
                List.of(new PatchDigest.DeviceLine(12, "core switch", "SWITCH", DAY.minusDays(25), 5, false)), 1,
                List.of(), 0, 26,
                List.of(new PatchDigest.StaleAgent(3, "ws-17", "20 Nov 2026, 09:00 CET")),
                List.of(new PatchDigest.Finding(40, "ws-18", "score fell from 90.0% to 80.0%")),
                List.of(new PatchDigest.Finding(40, "ws-18", "5.2 Firewall on (high)")),
                List.of(new PatchDigest.Finding(40, "ws-19", "the agent did not pick the order up")),
                List.of(new DigestSections.Section("Remediations", 1, List.of(new DigestSections.Item(
                        "remediation #5: 2 FIXED", "https://caart.example.org/app/remediation.xhtml?company=7")))));
        PatchDigest.Mail mail = digest.daily(content);
        assertEquals("[CAaRT] Clinic <North>: 1 overdue, 1 due soon — patch digest 2026-11-22", mail.subject());
        String text = mail.text();
        assertTrue(text.contains("OVERDUE (1)\n  - firewall 2 (firewall): 38 day(s) overdue, last patched 2026-09-15 "
                + "(new)\n    https://caart.example.org/app/device.xhtml?company=7&device=11\n"), text);
        assertTrue(text.contains("DUE SOON (1)\n  - core switch (switch): 5 day(s) left"), text);
        assertTrue(text.contains("PATCH DATE UNKNOWN (0)\n  none"), text);
        assertTrue(text.contains("ws-17: last seen 20 Nov 2026, 09:00 CET\n    https://caart.example.org/app/endpoints.xhtml"
                + "?company=7"), text);
        assertTrue(text.contains("ws-18: score fell from 90.0% to 80.0%\n    https://caart.example.org/app/audit.xhtml"
                + "?company=7&audit=40"), text);
        assertTrue(text.contains("ws-19: the agent did not pick the order up"), text);
        assertTrue(text.contains("REMEDIATIONS (1)\n  - remediation #5: 2 FIXED\n    https://caart.example.org/app/"
                + "remediation.xhtml?company=7\n"), "sections other components add: " + text);
        assertTrue(text.endsWith("Patch board: https://caart.example.org/app/patches.xhtml?company=7\n"), text);
        assertTrue(mail.html().contains("Clinic &lt;North&gt;"), "names are escaped in HTML");
        assertFalse(mail.html().contains("<North>"));
        assertTrue(mail.html().contains("href=\"https://caart.example.org/app/device.xhtml?company=7&amp;device=11\""),
                mail.html());
    }

    @Test
    void theNoticeOfACheckOnDemandNamesOnlyTheNewlyOverdue() {
        PatchDigest.Mail mail = digest.becameOverdue(7, "Clinic", DAY,
                List.of(new PatchDigest.DeviceLine(13, "firewall 3", "FIREWALL", DAY.minusDays(40), 10, true)));
        assertEquals("[CAaRT] Clinic: 1 device(s) became overdue", mail.subject());
        assertTrue(mail.text().contains("firewall 3 (firewall): 10 day(s) overdue"), mail.text());
    }
}
