package org.caart.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NavigationTest {

    @Test
    void theItemOfTheShownPageIsThePage() {
        assertEquals("page", Navigation.current("/app/audits.xhtml", "/app/audits /app/audit"));
    }

    @Test
    void theItemAboveTheShownPageIsCurrentButNotThePage() {
        assertEquals("true", Navigation.current("/app/audit.xhtml", "/app/audits /app/audit"));
    }

    @Test
    void otherItemsAreNotCurrent() {
        assertEquals("false", Navigation.current("/app/policies.xhtml", "/app/audits /app/audit"));
        assertEquals("false", Navigation.current("/app/audits-old.xhtml", "/app/audits"));
        assertEquals("false", Navigation.current(null, "/app/audits"));
    }
}
