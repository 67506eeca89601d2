package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MountsParserTest {

    private final List<MountEntry> mounts = MountsParser.parse(Fixtures.lines("mounts"));

    @Test
    void readsEveryLineWithItsOptions() {
        assertEquals(6, mounts.size());
        assertEquals(List.of("rw", "nosuid", "nodev"), MountsParser.find(mounts, "/dev/shm").orElseThrow().options());
    }

    @Test
    void octalEscapesInMountPointsAreDecoded() {
        assertTrue(MountsParser.find(mounts, "/mnt/My Disk").isPresent());
    }

    @Test
    void theMountStackedLastOnAPointIsTheOneInEffect() {
        assertEquals(List.of("rw", "relatime"), MountsParser.find(mounts, "/tmp").orElseThrow().options());
    }

    @Test
    void aMountPointThatIsNotMountedIsNotFound() {
        assertTrue(MountsParser.find(mounts, "/var/tmp").isEmpty());
    }

    @Test
    void aTruncatedLineIsAnError() {
        assertThrows(PlatformException.class, () -> MountsParser.parse(List.of("/dev/sda1 /")));
    }
}
