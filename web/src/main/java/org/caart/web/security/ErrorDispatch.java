package org.caart.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Container error pages: problem+json for API callers, the portal's error page for people. */
@WebServlet(urlPatterns = "/error-dispatch")
public class ErrorDispatch extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        SecurityHeaders.apply(request, response); // the container reset the response before the error dispatch
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":"
                    + status + "}");
            return;
        }
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            default -> "Internal Server Error";
        };
    }
}
