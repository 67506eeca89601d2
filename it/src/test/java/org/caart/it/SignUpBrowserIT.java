package org.caart.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-up (UC1) and its alternative flows, in the browser: each shows its message and keeps what was typed. */
@ExtendWith(SharedServer.class)
class SignUpBrowserIT {

    private Browser browser;
    private final String password = SharedServer.randomPassword();

    @BeforeEach
    void openBrowser() {
        browser = new Browser(SharedServer.server());
    }

    @AfterEach
    void closeBrowser() {
        assertEquals(List.of(), browser.cspViolations(), "no CSP violation in the console");
        browser.close();
    }

    @Test
    void newUserSignsUpAndLandsOnTheDashboard() {
        String email = unique("ana");
        fill("Ana", "Long", email, password, password);
        assertEquals("/app/dashboard.xhtml", browser.path());
        assertTrue(browser.text().contains(email), browser.text());
        assertTrue(browser.text().contains("You do not belong to any company yet"), browser.text());
    }

    @Test
    void alreadyRegisteredEmailIsSaidAndTheFormKeepsItsValues() {
        String email = unique("twice");
        fill("First", "Time", email, password, password);
        browser.submit("logout:logoutButton");
        fill("Second", "Time", email, password, password);
        assertShows("This email is already registered", "Second", "Time", email);
    }

    @Test
    void invalidEmailIsSaid() {
        fill("Ana", "Long", "ana.long-at-clinic", password, password);
        assertShows("This is not a valid email address", "Ana", "Long", "ana.long-at-clinic");
    }

    @Test
    void passwordsThatDoNotMatchAreSaid() {
        String email = unique("mismatch");
        fill("Ana", "Long", email, password, password + "x");
        assertShows("The passwords do not match", "Ana", "Long", email);
    }

    @Test
    void weakPasswordsAreSaid() {
        String email = unique("weak");
        fill("Ana", "Long", email, "short", "short");
        assertShows("A password has 12 to 128 characters", "Ana", "Long", email);
        fill("Ana", "Long", email, "Password1234", "Password1234");
        assertShows("This password is too common; choose another one", "Ana", "Long", email);
        fill("Ana", "Long", email, email, email);
        assertShows("The password must not be your email address", "Ana", "Long", email);
    }

    @Test
    void theLoginPageLeadsToSignUp() {
        browser.open("/login.xhtml");
        browser.find("login:signUpLink").click();
        browser.settle();
        assertEquals("/signup.xhtml", browser.path());
    }

    private void fill(String first, String last, String email, String secret, String confirmation) {
        browser.open("/signup.xhtml");
        browser.type("signUp:firstName", first);
        browser.type("signUp:lastName", last);
        browser.type("signUp:email", email);
        browser.type("signUp:password", secret);
        browser.type("signUp:confirmation", confirmation);
        browser.submit("signUp:submit");
    }

    private void assertShows(String message, String first, String last, String email) {
        assertEquals("/signup.xhtml", browser.path());
        assertTrue(browser.text().contains(message), browser.text());
        assertEquals(first, browser.find("signUp:firstName").getDomProperty("value"));
        assertEquals(last, browser.find("signUp:lastName").getDomProperty("value"));
        assertEquals(email, browser.find("signUp:email").getDomProperty("value"));
        assertEquals("", browser.find("signUp:password").getDomProperty("value"), "passwords are never sent back");
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() + "@clinic.example";
    }
}
