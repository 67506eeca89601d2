package org.caart.web.audit;

/** How a compliance score reads: passed share of passed + failed, or a dash when nothing was decided. */
final class Scores {

    private Scores() {
    }

    static String format(int passed, int failed) {
        return passed + failed == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.0f%%", passed * 100.0 / (passed + failed));
    }
}
