package org.caart.agent.platform.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses dpkg's status database ({@code /var/lib/dpkg/status}): RFC 822-style stanzas separated by
 * blank lines. A package counts as installed only when the third word of its {@code Status} field
 * is "installed"; removed packages with leftover configuration ("deinstall ok config-files") and
 * half-installed ones do not count.
 */
public final class DpkgStatusParser {

    private DpkgStatusParser() {
    }

    /** Installed packages by name (for multi-arch packages, the last stanza wins; versions are equal). */
    public static Map<String, InstalledPackage> installed(List<String> lines) {
        Map<String, InstalledPackage> installed = new HashMap<>();
        Map<String, String> stanza = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                add(stanza, installed);
                stanza.clear();
            } else if (!Character.isWhitespace(line.charAt(0))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    stanza.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        }
        add(stanza, installed);
        return installed;
    }

    private static void add(Map<String, String> stanza, Map<String, InstalledPackage> installed) {
        String name = stanza.get("Package");
        String[] status = stanza.getOrDefault("Status", "").split("\\s+");
        if (name != null && status.length == 3 && status[2].equals("installed")) {
            installed.put(name, new InstalledPackage(name, stanza.getOrDefault("Version", ""), "dpkg"));
        }
    }
}
