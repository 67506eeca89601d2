package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class PortalIT {

    private final Api anonymous = Api.anonymous(SharedServer.server());

    @Test
    void loginPageRendersTheSignInForm() {
        Api.Reply page = anonymous.get("/login.xhtml");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"login:email\""), page.body());
        assertTrue(page.body().contains("id=\"login:password\""));
        assertTrue(page.body().contains("jakarta.faces.ViewState"), "server-side view state token expected");
    }

    @Test
    void rootLeadsToTheDashboardWhichAsksForALogin() {
        Api.Reply root = anonymous.get("/");
        assertEquals(302, root.status());
        assertTrue(root.header("Location").endsWith("/app/dashboard.xhtml"), root.header("Location"));
        Api.Reply dashboard = anonymous.get("/app/dashboard.xhtml");
        assertEquals(302, dashboard.status());
        assertTrue(dashboard.header("Location").endsWith("/login.xhtml"), dashboard.header("Location"));
    }

    @Test
    void operatorPagesAskForALoginToo() {
        Api.Reply system = anonymous.get("/operator/system.xhtml");
        assertEquals(302, system.status());
        assertTrue(system.header("Location").endsWith("/login.xhtml"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Api.Reply page = anonymous.get("/login.xhtml");
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("same-origin", page.header("Referrer-Policy"));
        List<String> policies = page.raw().headers().allValues("Content-Security-Policy");
        String ours = policies.stream().filter(p -> p.contains("frame-ancestors")).findFirst().orElseThrow();
        assertTrue(ours.startsWith("default-src 'self';"), ours);
        assertTrue(ours.contains("frame-ancestors 'none'"), ours);
        // a browser enforces both policies: inline scripts run only with PrimeFaces' per-response nonce
        String nonces = policies.stream().filter(p -> p.contains("'nonce-")).findFirst()
                .orElseThrow(() -> new AssertionError("PrimeFaces nonce policy expected: " + policies));
        assertTrue(nonces.startsWith("script-src 'self' 'nonce-"), nonces);
        assertFalse(nonces.contains("unsafe-inline") || nonces.contains("unsafe-eval"), nonces);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        String cookie = anonymous.get("/login.xhtml").header("Set-Cookie");
        assertNotNull(cookie, "a session cookie is set on the login page");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    @Test
    void unknownPageIsAPlain404() {
        assertEquals(404, anonymous.get("/no-such-page.xhtml").status());
    }
}
