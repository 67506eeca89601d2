package org.caart.web.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.caart.company.entity.ClientOs;
import org.caart.company.entity.Role;

/** The choices the company and member forms offer. */
@Named
@ApplicationScoped
public class CompanyOptions {

    private static final Pattern REGION_ZONE = Pattern.compile(
            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+|UTC");

    private final List<String> timeZones = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> REGION_ZONE.matcher(id).matches()).sorted().toList();

    public record Option(String value, String label) {
    }

    public List<Option> getClientOs() {
        return Arrays.stream(ClientOs.values()).map(os -> new Option(os.name(), os.label())).toList();
    }

    public List<String> getTimeZones() {
        return timeZones;
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }
}
