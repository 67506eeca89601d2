package org.caart.agent.check.caart;

import org.caart.agent.check.PolicyException;

/** Validates host paths in policies: absolute, no "..". */
final class Paths {

    private Paths() {
    }

    static String absolute(Fields check, String field) throws PolicyException {
        String path = check.text(field);
        if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            throw check.error(field, "must be an absolute path without '..', not '" + path + "'");
        }
        return path;
    }
}
