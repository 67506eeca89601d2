package org.caart.feed.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinkTest {

    @Test
    void aWriteIsConfirmedOnlyOnceTheConnectionOutlivedItByTheDelay() {
        Link link = new Link(null, null, 10);
        assertEquals(10, link.sent());
        link.wrote(20, 1_000);
        link.wrote(30, 2_000);
        assertEquals(-1, link.confirm(1_500, 1_000), "nothing is old enough yet");
        assertEquals(20, link.confirm(2_500, 1_000));
        assertEquals(-1, link.confirm(2_600, 1_000), "20 was confirmed before, 30 is not old enough");
        assertEquals(30, link.confirm(3_000, 1_000));
        assertEquals(30, link.sent());
    }

    @Test
    void aConnectionIsWellOnceItStayedOpenForTheDelay() {
        Link link = new Link(null, null, 0, 1_000);
        assertEquals(false, link.openFor(1_500, 1_000));
        assertEquals(true, link.openFor(2_000, 1_000));
    }
}
