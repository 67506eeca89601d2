package org.caart.agent.check.sca;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Variables ({@code $name: value}) are replaced in rules, longest name first. */
record Variables(List<Map.Entry<String, String>> entries) {

    static Variables of(Map<String, Object> node) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        if (node != null) {
            node.forEach((k, v) -> entries.add(Map.entry(k, Yamls.text(v) == null ? "" : Yamls.text(v))));
        }
        entries.sort(Comparator.comparing((Map.Entry<String, String> e) -> -e.getKey().length()));
        return new Variables(entries);
    }

    String apply(String text) {
        String result = text;
        for (Map.Entry<String, String> entry : entries) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
