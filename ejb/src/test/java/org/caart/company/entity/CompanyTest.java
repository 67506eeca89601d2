package org.caart.company.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CompanyTest {

    @Test
    void keepsAnIanaTimeZone() {
        Company company = new Company(" Queens Medical Centre ", "1 Clinic Road", ClientOs.WINDOWS_SERVER_2022,
                "Europe/London", OffsetDateTime.now());
        assertEquals("Queens Medical Centre", company.getName());
        assertEquals(ZoneId.of("Europe/London"), company.zoneId());
        assertEquals(ClientOs.OsFamily.WINDOWS, company.getClientOs().family());
    }

    @Test
    void refusesAnUnknownTimeZoneAndABlankName() {
        assertThrows(IllegalArgumentException.class,
                () -> new Company("Clinic", null, ClientOs.DEBIAN, "Mars/Olympus", OffsetDateTime.now()));
        assertThrows(IllegalArgumentException.class,
                () -> new Company("  ", null, ClientOs.DEBIAN, "UTC", OffsetDateTime.now()));
    }
}
