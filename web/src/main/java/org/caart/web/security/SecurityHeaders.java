package org.caart.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every response. Scripts are governed by PrimeFaces' nonce-based Content-Security-Policy
 * ({@code primefaces.CSP}); this policy adds what PrimeFaces does not set, without a script-src that would
 * intersect with it.
 */
@WebFilter(filterName = "SecurityHeaders", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    /**
     * Everything from this origin only. Scripts: this policy allows inline ones only so as not to block
     * PrimeFaces' nonce-bearing scripts; PrimeFaces' own policy, which a browser enforces as well, admits inline
     * scripts only with that response's nonce. Inline styles are allowed (PrimeFaces components set style
     * attributes), and data: images and fonts (the theme's icons).
     */
    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /** Also for answers made after a response reset: error pages and refusals. */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
