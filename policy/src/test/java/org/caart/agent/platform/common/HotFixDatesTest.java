package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HotFixDatesTest {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(textBlock = """
            3/14/2024,        UTC,        2024-03-14
            03/14/2024,       UTC,        2024-03-14
            12/1/2023,        UTC,        2023-12-01
            ' 4/9/2024 ',     UTC,        2024-04-09
            20240312,         UTC,        2024-03-12
            01da762d8a4b1c00, UTC,        2024-03-14
            01DA762D8A4B1C00, UTC,        2024-03-14
            01da762d8a4b1c00, Asia/Tokyo, 2024-03-15
            01d9a6b4c3e2f000, UTC,        2023-06-24
            """)
    void windowsFormatsOfInstalledOnAreRead(String value, String zone, LocalDate day) {
        assertEquals(day, HotFixDates.installedOn(value, ZoneId.of(zone)).orElseThrow());
    }

    @ParameterizedTest(name = "''{0}'' is unreadable")
    @NullSource
    @ValueSource(strings = {"", "   ", "unknown", "13/45/2024", "2/30/2023", "20241301", "01da762d8a4b1c0",
            "01da762d8a4b1c00z", "0x01da762d8a4b1c00", "3/14/24"})
    void emptyAndGarbageValuesAreUnreadable(String value) {
        assertTrue(HotFixDates.installedOn(value, ZoneOffset.UTC).isEmpty());
    }
}
