package org.caart.policy.entity;

import java.io.Serializable;

/** A construct of an uploaded policy the agent cannot evaluate exactly; its check reports "unsupported" instead. */
public record PolicyFinding(String checkId, String construct, String reason) implements Serializable {

    public static final int FIELD_MAX = 500;

    public PolicyFinding {
        checkId = clean(checkId);
        construct = clean(construct);
        reason = clean(reason);
    }

    /** One line, tab-separated: how findings are stored. */
    String line() {
        return checkId + '\t' + construct + '\t' + reason;
    }

    static PolicyFinding ofLine(String line) {
        String[] parts = line.split("\t", 3);
        return new PolicyFinding(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    }

    private static String clean(String text) {
        String flat = text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ").strip();
        return flat.length() > FIELD_MAX ? flat.substring(0, FIELD_MAX - 1) + "…" : flat;
    }
}
