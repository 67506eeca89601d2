package org.caart.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExceptionInForceTest {

    @Test
    void anEndpointExceptionCoversOnlyThatEndpoint() {
        ExceptionInForce e = new ExceptionInForce(1, "p", "c1", 7L, null, Set.of("off"));
        assertTrue(e.covers("p", "c1", 7, List.of(), "off"));
        assertFalse(e.covers("p", "c1", 8, List.of(), "off"));
    }

    @Test
    void aTagExceptionCoversTheEndpointsCarryingTheTag() {
        ExceptionInForce e = new ExceptionInForce(1, "p", "c1", null, "web", Set.of("off"));
        assertTrue(e.covers("p", "c1", 8, List.of("db", "web"), "off"));
        assertFalse(e.covers("p", "c1", 8, List.of("db"), "off"));
    }

    @Test
    void aCompanyExceptionCoversEveryEndpointOfItsPolicyAndCheck() {
        ExceptionInForce e = new ExceptionInForce(1, "p", "c1", null, null, Set.of("off"));
        assertTrue(e.covers("p", "c1", 9, List.of(), "off"));
        assertFalse(e.covers("other-policy", "c1", 9, List.of(), "off"));
        assertFalse(e.covers("p", "c2", 9, List.of(), "off"));
    }

    @Test
    void aValueItWasNotGrantedForIsNotCovered() {
        ExceptionInForce e = new ExceptionInForce(1, "p", "c1", null, null, Set.of("off", ""));
        assertFalse(e.covers("p", "c1", 9, List.of(), "on?"));
        assertTrue(e.covers("p", "c1", 9, List.of(), null), "no observed value is the empty text");
    }
}
