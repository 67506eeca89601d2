package org.caart.agent.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfigLinesTest {

    @Test
    void theFirstActiveLineOfTheKeyIsReplacedAndCommentsStay() {
        assertEquals("# PASS_MAX_DAYS 1\nPASS_MAX_DAYS\t365\nPASS_MAX_DAYS 5\n", ConfigLines.set(
                "# PASS_MAX_DAYS 1\nPASS_MAX_DAYS 99999\nPASS_MAX_DAYS 5\n", "PASS_MAX_DAYS", "\t", "365", false,
                        false));
    }

    @Test
    void aMissingKeyIsAppendedWithANewline() {
        assertEquals("A=1\nB=2\n", ConfigLines.set("A=1", "B", "=", "2", false, false));
        assertEquals("B=2\n", ConfigLines.set("", "B", "=", "2", false, false));
    }

    @Test
    void aKeyThatOnlyStartsLikeAnotherIsNotTakenForIt() {
        assertEquals("PASS_MAX_DAYS_X 1\nPASS_MAX_DAYS 2\n", ConfigLines.set("PASS_MAX_DAYS_X 1\n", "PASS_MAX_DAYS",
                " ",
                "2", false, false));
    }

    @Test
    void atTopGoesAboveTheFirstSettingAndBelowTheHeaderComments() {
        assertEquals("# header\n\nMaxAuthTries 4\nPort 22\n", ConfigLines.set("# header\n\nPort 22\n", "MaxAuthTries",
                " ", "4", true, true));
    }

    @Test
    void keywordsCanBeCaseInsensitiveAndATextWithoutFinalNewlineKeepsThatShape() {
        assertEquals("permitrootlogin yes\nPermitRootLogin no",
                ConfigLines.set("permitrootlogin yes\nPermitRootLogin x",
                "PermitRootLogin", " ", "no", false, false));
        assertEquals("PermitRootLogin no\nX 1", ConfigLines.set("permitrootlogin yes\nX 1", "PermitRootLogin", " ",
                "no",
                true, false));
    }
}
