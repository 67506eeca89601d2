package org.caart.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXY = Set.of("10.0.0.2");

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertEquals("198.51.100.4", ClientAddress.of("198.51.100.4", "203.0.113.9", Set.of()));
        assertEquals("198.51.100.4", ClientAddress.of("198.51.100.4", "203.0.113.9", PROXY),
                "a peer that is not a trusted proxy names no one");
    }

    @Test
    void aTrustedProxyNamesTheClientAsTheRightMostUntrustedHop() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "203.0.113.9", PROXY));
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "1.2.3.4, 203.0.113.9", PROXY),
                "the left-most entry is whatever the client claimed");
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "203.0.113.9, 10.0.0.2", PROXY));
        assertEquals("2001:db8::7", ClientAddress.of("10.0.0.2", "2001:db8::7", PROXY));
    }

    @Test
    void somethingThatIsNotAnAddressLeavesThePeer() {
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "evil<script>", PROXY));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, PROXY));
    }
}
