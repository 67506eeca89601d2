package org.caart.agent.check.caart;

/** Applies chmod's symbolic removals ({@code u-x,go-wx}) to a mode, for checking the remediation texts. */
final class SymbolicMode {

    private SymbolicMode() {
    }

    static int apply(String clauses, int mode) {
        int result = mode;
        for (String clause : clauses.split(",")) {
            String[] parts = clause.split("-", 2);
            int bits = 0;
            for (char permission : parts[1].toCharArray()) {
                bits |= switch (permission) {
                    case 'r' -> 4;
                    case 'w' -> 2;
                    case 'x' -> 1;
                    default -> throw new IllegalArgumentException(clause);
                };
            }
            for (char who : parts[0].toCharArray()) {
                int shift = switch (who) {
                    case 'u' -> 6;
                    case 'g' -> 3;
                    case 'o' -> 0;
                    default -> throw new IllegalArgumentException(clause);
                };
                result &= ~(bits << shift);
            }
        }
        return result;
    }
}
