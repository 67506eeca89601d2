package org.caart.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaartExceptionHandlerTest {

    @Test
    void anExpiredPageIsLoadedAgainAtItsOwnPathAndQuery() {
        assertEquals(Optional.of("/app/audit.xhtml?company=3&audit=17"),
                CaartExceptionHandler.page("", "https://caart.example:8443/app/audit.xhtml?company=3&audit=17"));
        assertEquals(Optional.of("/caart/app/audits.xhtml"),
                CaartExceptionHandler.page("/caart", "http://localhost:8080/caart/app/audits.xhtml"));
    }

    @Test
    void onlyAPageOfThisApplicationIsATarget() {
        // the host of the Referer is never used, and nothing leaves the application
        assertEquals(Optional.empty(), CaartExceptionHandler.page("", null));
        assertEquals(Optional.empty(), CaartExceptionHandler.page("", "not a uri"));
        assertEquals(Optional.empty(), CaartExceptionHandler.page("", "https://evil.example//evil.example/a.xhtml"));
        assertEquals(Optional.empty(), CaartExceptionHandler.page("/caart", "https://caart.example/other/a.xhtml"));
        assertEquals(Optional.empty(), CaartExceptionHandler.page("", "https://caart.example/app/../x.xhtml"));
        assertEquals(Optional.empty(), CaartExceptionHandler.page("", "https://caart.example/api/companies"));
        assertEquals(Optional.empty(), CaartExceptionHandler.page("", "https://caart.example\\@evil.example/a.xhtml"));
    }

    @Test
    void anExpiredViewIsFoundInsideWhatWrapsIt() {
        assertTrue(CaartExceptionHandler.expired(new FacesException(new ViewExpiredException("gone", "/app/a.xhtml"))));
        assertFalse(CaartExceptionHandler.expired(new FacesException("other")));
    }

    @Test
    void aPageIsReloadedForAnExpiredViewAtMostOnceIn30Seconds() {
        java.util.Map<String, Object> session = new java.util.HashMap<>();
        assertTrue(CaartExceptionHandler.firstReloadLately(session, "/app/audit.xhtml?audit=1", 1_000));
        assertFalse(CaartExceptionHandler.firstReloadLately(session, "/app/audit.xhtml?audit=1", 20_000),
                "pages pushing each other out of the session's views must not reload each other for ever");
        assertTrue(CaartExceptionHandler.firstReloadLately(session, "/app/audit.xhtml?audit=2", 20_000));
        assertTrue(CaartExceptionHandler.firstReloadLately(session, "/app/audit.xhtml?audit=1", 31_000));
    }
}
