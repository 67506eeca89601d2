package org.caart.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * Caps every request body by path ({@link BodyLimits}) before anything reads it: a declared Content-Length over
 * the cap is answered 413 at once, unread, and the connection closed; a body without a length (chunked) is counted
 * while it is read and stops at the cap with the same 413. Form and multipart bodies are parsed by the container
 * itself, past this stream, so they must declare their length (411 otherwise; browsers always do).
 */
@WebFilter(filterName = "RequestBodyLimit", urlPatterns = "/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

    private static final System.Logger LOG = System.getLogger(RequestBodyLimit.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int limit = BodyLimits.limit(path);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, 413, "Content Too Large", "A request to this address has a body of at most " + limit
                    + " bytes");
            return;
        }
        if (declared < 0 && chunked(request) && BodyLimits.parsedByContainer(path)) {
            refuse(response, 411, "Length Required", "A form sent to this address must declare its Content-Length");
            return;
        }
        Capped capped = new Capped(request, limit);
        try {
            chain.doFilter(capped, new Muted(response, capped));
        } catch (IOException | ServletException | RuntimeException e) {
            if (!capped.exceeded) {
                throw e;
            }
            LOG.log(Level.DEBUG, "request body over " + limit + " bytes on " + path, e);
        }
        if (capped.exceeded && !response.isCommitted()) {
            response.reset();
            SecurityHeaders.apply(request, response);
            refuse(response, 413, "Content Too Large", "A request to this address has a body of at most " + limit
                    + " bytes");
        }
    }

    private static boolean chunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && !encoding.isBlank();
    }

    static void refuse(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close"); // the rest of the body is not read
        response.setContentType("application/problem+json");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** A request whose body stream ends in an {@link IOException} one byte past the cap. */
    static final class Capped extends HttpServletRequestWrapper {

        private final long limit;
        private long read;
        private boolean exceeded;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        private void count(long bytes) throws IOException {
            read += bytes;
            if (read > limit) {
                exceeded = true;
                throw new BodyTooLargeException(limit);
            }
        }

        private final class Counting extends ServletInputStream {

            private final ServletInputStream in;

            Counting(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }

    /**
     * The response as the application writes it, until the body went past its cap: from then on whatever the
     * application answers (an "invalid JSON" 400, say) is dropped, and the filter answers 413 instead.
     */
    static final class Muted extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final Capped request;

        Muted(HttpServletResponse response, Capped request) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int status) {
            if (!request.exceeded) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!request.exceeded) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!request.exceeded) {
                super.sendError(status);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!request.exceeded) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!request.exceeded) {
                super.addHeader(name, value);
            }
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            return request.exceeded ? new Discard() : super.getOutputStream();
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            return request.exceeded ? new java.io.PrintWriter(java.io.OutputStream.nullOutputStream())
                    : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!request.exceeded) {
                super.flushBuffer();
            }
        }
    }

    private static final class Discard extends jakarta.servlet.ServletOutputStream {

        @Override
        public void write(int b) {
            // the answer is the filter's 413
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(jakarta.servlet.WriteListener listener) {
            throw new IllegalStateException("no asynchronous output for a refused request");
        }
    }

    /** The body went past its cap while being read. */
    public static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
        }
    }
}
