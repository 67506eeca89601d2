package org.caart.feed.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class NetworksTest {

    private final Networks defaults = new Networks(Networks.DEFAULT);

    @Test
    void theDefaultRefusesLoopbackAndLinkLocalButNotPrivateNetworks() throws Exception {
        assertTrue(defaults.contains(InetAddress.getByName("127.0.0.1")));
        assertTrue(defaults.contains(InetAddress.getByName("127.8.9.10")));
        assertTrue(defaults.contains(InetAddress.getByName("::1")));
        assertTrue(defaults.contains(InetAddress.getByName("169.254.169.254")));
        assertTrue(defaults.contains(InetAddress.getByName("fe80::1")));
        assertTrue(defaults.contains(InetAddress.getByName("0.0.0.0")));
        assertFalse(defaults.contains(InetAddress.getByName("10.1.2.3")), "an on-premise SIEM");
        assertFalse(defaults.contains(InetAddress.getByName("192.168.1.20")));
        assertFalse(defaults.contains(InetAddress.getByName("128.0.0.1")));
    }

    @Test
    void noneRefusesNothingAndBadListsAreRefused() throws Exception {
        assertFalse(new Networks("none").contains(InetAddress.getByName("127.0.0.1")));
        assertTrue(new Networks("10.0.0.0/9").contains(InetAddress.getByName("10.127.0.1")));
        assertFalse(new Networks("10.0.0.0/9").contains(InetAddress.getByName("10.128.0.1")));
        assertThrows(IllegalArgumentException.class, () -> new Networks("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> new Networks("10.0.0.0/x"));
    }
}
