package org.caart.company.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.caart.company.entity.ClientOs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyRequestTest {

    private static final String ZONE_PROBLEM = "Choose a time zone by its IANA name, for example Europe/Berlin";

    @Test
    void aValidRequestHasNoProblems() {
        CompanyRequest request = new CompanyRequest("Queens Medical Centre", "1 Clinic Road", "WINDOWS_11",
                "Europe/London");
        assertTrue(request.problems().isEmpty(), request.problems().toString());
        assertEquals(ClientOs.WINDOWS_11, request.os());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aMissingNameIsReported(String name) {
        assertEquals("Enter the company's name", request(name, "DEBIAN", "UTC").problems().get("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Evil\r\nSet-Cookie: x", "Nul\u0000Corp", "Bell\u0007", "Tab\tCorp", "Invoice\u202Efdp.exe",
            "Iso\u2066late", "Del\u007F", "Line\u2028sep"})
    void aNameRefusesControlAndBidiOverrideCharacters(String name) {
        assertEquals("A company name cannot contain line breaks, control characters or text direction overrides",
                request(name, "DEBIAN", "UTC").problems().get("name"));
    }

    @Test
    void aNameKeepsItsAccentsAndScripts() {
        assertFalse(request("Clinique Saint-\u00C9tienne \u05E9\u05DC\u05D5\u05DD \u6771\u4EAC", "DEBIAN", "UTC")
                .problems().containsKey("name"));
    }

    @Test
    void aNameHasAtMost120Characters() {
        assertFalse(request("x".repeat(120), "DEBIAN", "UTC").problems().containsKey("name"));
        assertEquals("A company name has at most 120 characters",
                request("x".repeat(121), "DEBIAN", "UTC").problems().get("name"));
    }

    @Test
    void aPostalAddressHasAtMost500Characters() {
        assertFalse(new CompanyRequest("Clinic", "x".repeat(500), "DEBIAN", "UTC").problems()
                .containsKey("postalAddress"));
        assertEquals("A postal address has at most 500 characters",
                new CompanyRequest("Clinic", "x".repeat(501), "DEBIAN", "UTC").problems().get("postalAddress"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"LINUX", "windows_11", "Windows 11", "WINDOWS_12"})
    void anUnknownClientOsIsReported(String clientOs) {
        CompanyRequest request = request("Clinic", clientOs, "UTC");
        assertEquals("Choose the client operating system from the list", request.problems().get("clientOs"));
        assertNull(request.os());
    }

    @ParameterizedTest
    @EnumSource(ClientOs.class)
    void everyClientOsIsAcceptedByItsConstantName(ClientOs os) {
        CompanyRequest request = request("Clinic", os.name(), "UTC");
        assertTrue(request.problems().isEmpty(), request.problems().toString());
        assertEquals(os, request.os());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Mars/Base", "GMT+3", "+03:00", "europe/berlin", "Berlin"})
    void aZoneThatIsNotAnIanaNameIsReported(String zone) {
        assertEquals(ZONE_PROBLEM, request("Clinic", "DEBIAN", zone).problems().get("timeZone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"})
    void ianaZonesAreAccepted(String zone) {
        assertFalse(request("Clinic", "DEBIAN", zone).problems().containsKey("timeZone"), zone);
    }

    @Test
    void everyProblemIsReportedUnderItsFieldAtOnce() {
        Map<String, String> problems = new CompanyRequest(" ", "x".repeat(501), "MARS_OS", "Mars/Base").problems();
        assertEquals(Set.of("name", "postalAddress", "clientOs", "timeZone"), problems.keySet());
    }

    @Test
    void aBlankAddressIsNoAddress() {
        assertNull(new CompanyRequest("Clinic", "  ", "DEBIAN", "UTC").address());
        assertEquals("1 Clinic Road", new CompanyRequest("Clinic", " 1 Clinic Road ", "DEBIAN", "UTC").address());
    }

    private static CompanyRequest request(String name, String clientOs, String zone) {
        return new CompanyRequest(name, null, clientOs, zone);
    }
}
