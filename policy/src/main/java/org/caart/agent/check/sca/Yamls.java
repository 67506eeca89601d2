package org.caart.agent.check.sca;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads from SnakeYAML's generic tree. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    static String text(Object node) {
        return node == null || node instanceof Map || node instanceof List ? null : String.valueOf(node);
    }

    static List<String> strings(Object node) {
        List<String> strings = new ArrayList<>();
        if (node instanceof List<?> list) {
            for (Object item : list) {
                if (text(item) != null) {
                    strings.add(text(item));
                }
            }
        } else if (text(node) != null) {
            strings.add(text(node));
        }
        return strings;
    }
}
