package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SysctlTest {

    @Test
    void dottedNamesMapToProcSysPaths() {
        assertEquals("net/ipv4/conf/all/rp_filter", Sysctl.relativePath("net.ipv4.conf.all.rp_filter"));
    }

    @Test
    void namesThatCouldEscapeProcSysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Sysctl.relativePath("..etc.passwd"));
        assertThrows(IllegalArgumentException.class, () -> Sysctl.relativePath("kernel; rm"));
    }

    @Test
    void multiFieldValuesAreNormalisedToSingleSpaces() {
        assertEquals("4 4 1 7", Sysctl.normalize("4\t4\t1\t7\n"));
    }

    @Test
    void parsesSysctlOutputAndConfSyntax() {
        Map<String, String> values = Sysctl.parse(Fixtures.lines("sysctl.txt"));
        assertEquals(4, values.size());
        assertEquals("2", values.get("kernel.randomize_va_space"));
        assertEquals("4 4 1 7", values.get("kernel.printk"));
        assertEquals("0", values.get("net.ipv4.ip_forward"));
        assertEquals("0", values.get("net.ipv6.conf.all.forwarding"));
    }
}
