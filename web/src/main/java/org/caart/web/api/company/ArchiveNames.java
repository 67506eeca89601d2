package org.caart.web.api.company;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import org.caart.company.entity.Company;

/** The download name of a company's archive: {@code caart-<company>-<date>.zip}, plain ASCII. */
public final class ArchiveNames {

    private ArchiveNames() {
    }

    public static String of(Company company) {
        String slug = Normalizer.normalize(company.getName(), Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "").toLowerCase(Locale.ROOT);
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        return "caart-" + (slug.isEmpty() ? "company-" + company.getId() : slug) + "-"
                + LocalDate.now(company.zoneId()) + ".zip";
    }
}
