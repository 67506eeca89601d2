package org.caart.agent.platform.common;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The local security policy as {@code secedit /export} writes it. Names are case-insensitive.
 * A user right nobody holds is absent from the export and reads as an empty list; account entries
 * are SIDs (without secedit's leading '*') or, for accounts without a well-known SID, names.
 */
public record SecurityPolicy(Map<String, String> systemAccess, Map<String, String> eventAudit,
                             Map<String, RegistryValue> registryValues, Map<String, List<String>> privilegeRights) {

    public SecurityPolicy {
        systemAccess = caseInsensitive(systemAccess);
        eventAudit = caseInsensitive(eventAudit);
        registryValues = caseInsensitive(registryValues);
        privilegeRights = caseInsensitive(privilegeRights);
    }

    public static SecurityPolicy empty() {
        return new SecurityPolicy(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** A [System Access] setting such as "MinimumPasswordLength"; quotes around names are removed. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(systemAccess.get(name));
    }

    /** The accounts holding a right such as "SeNetworkLogonRight"; empty when nobody holds it. */
    public List<String> holders(String right) {
        return privilegeRights.getOrDefault(right, List.of());
    }

    private static <V> Map<String, V> caseInsensitive(Map<String, V> source) {
        Map<String, V> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (source != null) {
            map.putAll(source);
        }
        return Collections.unmodifiableMap(map);
    }
}
