package org.caart.web.audit;

import org.caart.audit.entity.Score;

/** How a compliance score ({@link Score}) reads: a whole percentage, or a dash when nothing was decided. */
final class Scores {

    private Scores() {
    }

    static String format(int passed, int failed) {
        Double score = Score.percent(passed, failed);
        return score == null ? "–" : String.format(java.util.Locale.ROOT, "%.0f%%", score);
    }
}
