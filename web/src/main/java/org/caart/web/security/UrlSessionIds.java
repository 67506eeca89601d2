package org.caart.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Session ids travel in the cookie only. The container still parses {@code ;jsessionid=} from a URL whatever the
 * tracking mode, and a URL leaks (logs, Referer, shared links) and can fix a session on a victim: such a request is
 * refused, and {@link PortalAuthentication} never takes a caller from a session named in the URL.
 */
@WebFilter(filterName = "UrlSessionIds", urlPatterns = "/*", asyncSupported = true)
public class UrlSessionIds extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (fromUrl(request)) {
            RequestBodyLimit.refuse(response, 400, "Bad Request", "Session ids are accepted in the cookie only");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromUrl(HttpServletRequest request) {
        return request.isRequestedSessionIdFromURL()
                || request.getRequestURI().toLowerCase(Locale.ROOT).contains(";jsessionid");
    }
}
