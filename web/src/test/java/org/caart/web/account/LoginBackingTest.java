package org.caart.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginBackingTest {

    private static final String DASHBOARD = "/app/dashboard.xhtml";

    @ParameterizedTest
    @ValueSource(strings = {"/app/members.xhtml?company=3", "/invite.xhtml?token=abc_-", "/app/trail.xhtml",
        "/app/company.xhtml?company=12&tab=1"})
    void aPortalPageIsWhereTheLoginReturnsTo(String next) {
        assertEquals(next, target(next));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example/x", "https://evil.example", "http://evil.example/app/", "/login.xhtml",
        "/app/../x\nheader", "/app/x\r\nSet-Cookie: a=b", "/\\evil.example", "app/members.xhtml",
        "/operator/system.xhtml", "/invitexhtml", "javascript:alert(1)"})
    void anythingElseFallsBackToTheDashboard(String next) {
        assertEquals(DASHBOARD, target(next));
    }

    private static String target(String next) {
        LoginBacking backing = new LoginBacking();
        backing.setNext(next);
        return backing.target();
    }
}
