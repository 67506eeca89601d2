package org.caart.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/** The "remember me" cookie: HttpOnly, SameSite=Lax, Secure behind TLS, scoped to the portal's path. */
public final class RememberMeCookie {

    public static final String NAME = "caart_remember";

    private RememberMeCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String token,
            Duration lifetime, boolean secure) {
        response.addCookie(cookie(request, token, (int) lifetime.toSeconds(), secure));
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        response.addCookie(cookie(request, "", 0, secure));
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge, boolean secure) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure || request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
