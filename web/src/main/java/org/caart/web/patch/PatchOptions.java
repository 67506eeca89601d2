package org.caart.web.patch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.caart.patch.entity.Criticality;
import org.caart.patch.entity.DeviceType;
import org.caart.patch.entity.PatchStatus;
import org.caart.web.company.CompanyOptions.Option;

/** The choices the patch pages offer: device types, criticalities and statuses, by enum name with a readable label. */
@Named
@ApplicationScoped
public class PatchOptions {

    public List<Option> getTypes() {
        return options(DeviceType.values());
    }

    public List<Option> getCriticalities() {
        return options(Criticality.values());
    }

    public List<Option> getStatuses() {
        return Arrays.stream(PatchStatus.values()).map(s -> new Option(s.name(), label(s))).toList();
    }

    /** How a status reads on the pages: DUE_SOON as "DUE SOON". */
    public static String label(PatchStatus status) {
        return status.name().replace('_', ' ');
    }

    private static List<Option> options(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> new Option(v.name(), title(v.name()))).toList();
    }

    static String title(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
