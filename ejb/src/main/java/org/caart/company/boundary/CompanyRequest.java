package org.caart.company.boundary;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caart.company.entity.ClientOs;
import org.caart.company.entity.Company;

/** What the company form (UC3) or the API sends: the client OS by its constant name, the zone as an IANA id. */
public record CompanyRequest(String name, String postalAddress, String clientOs, String timeZone) {

    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "Enter the company's name");
        } else if (name.strip().length() > Company.NAME_MAX) {
            errors.put("name", "A company name has at most " + Company.NAME_MAX + " characters");
        } else if (hasHiddenCharacters(name)) {
            errors.put("name", "A company name cannot contain line breaks, control characters or text direction "
                    + "overrides");
        }
        if (postalAddress != null && postalAddress.strip().length() > Company.ADDRESS_MAX) {
            errors.put("postalAddress", "A postal address has at most " + Company.ADDRESS_MAX + " characters");
        }
        if (os() == null) {
            errors.put("clientOs", "Choose the client operating system from the list");
        }
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone.strip())) {
            errors.put("timeZone", "Choose a time zone by its IANA name, for example Europe/Berlin");
        }
        return errors;
    }

    /**
     * Control characters (CR, LF, NUL, tab, ...), line and paragraph separators, and the bidirectional embedding,
     * override and isolate marks that make a name read differently from what it is (U+202A-202E, U+2066-2069).
     */
    static boolean hasHiddenCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C);
    }

    public ClientOs os() {
        if (clientOs == null) {
            return null;
        }
        for (ClientOs os : ClientOs.values()) {
            if (os.name().equals(clientOs.strip())) {
                return os;
            }
        }
        return null;
    }

    public String address() {
        return postalAddress == null || postalAddress.isBlank() ? null : postalAddress.strip();
    }
}
