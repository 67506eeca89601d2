package org.caart.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: a cookie jar and plain HTTP against the portal's pages, posting Faces forms the way
 * a browser does (the form's view state included). For sweeps and flows where Selenium would only add time.
 */
final class PortalClient {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** PrimeFaces' CSP nonce of the page; its scripts add it to every postback, and so does this client. */
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    private final CaartServer server;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    PortalClient(CaartServer server) {
        this.server = server;
        // HTTP/1.1 as browsers speak to a plain-HTTP server: the JDK's default h2c upgrade would make a load
        // balancer's connection a tunnel to one instance, out of its reach (no sticky cookie, no failover)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A new account through the sign-up page; the client is signed in as it afterwards. */
    static PortalClient signUp(CaartServer server, String email, String password) {
        PortalClient client = new PortalClient(server);
        Page page = client.submit("/signup.xhtml", "signUp", "submit", Map.of("firstName", "Test", "lastName",
                "User", "email", email, "password", password, "confirmation", password));
        if (!page.path().startsWith("/app/dashboard.xhtml")) {
            throw new IllegalStateException("Sign-up of " + email + " failed: " + page.body());
        }
        return client;
    }

    static PortalClient login(CaartServer server, String email, String password) {
        PortalClient client = new PortalClient(server);
        Page page = client.login(email, password, false);
        if (!page.path().startsWith("/app/")) {
            throw new IllegalStateException("Login of " + email + " failed: " + page.body());
        }
        return client;
    }

    Page login(String email, String password, boolean rememberMe) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("email", email, "password", password));
        if (rememberMe) {
            fields.put("rememberMe_input", "on");
        }
        return submit("/login.xhtml", "login", "submit", fields);
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET());
    }

    /** Opens the page, fills the form's fields (ids without the form prefix) and presses a non-ajax button. */
    Page submit(String path, String form, String button, Map<String, String> fields) {
        return post(path, form, button, fields, get(path));
    }

    /** Posts a form of a page shown before (its view state and nonce go with it). */
    Page post(String path, String form, String button, Map<String, String> fields, Page shown) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(form, form);
        fields.forEach((id, value) -> data.put(form + ":" + id, value));
        data.put(form + ":" + button, "");
        data.put("jakarta.faces.ViewState", shown.viewState());
        shown.nonce().ifPresent(nonce -> data.put("primefaces.nonce", nonce));
        String body = data.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** Puts a cookie into this client's jar, as a browser holding it would send it. */
    void addCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(server.url("/")), cookie);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.uri().getRawPath()
                    + (response.uri().getRawQuery() == null ? "" : "?" + response.uri().getRawQuery()),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Page(int status, String path, String body, HttpResponse<String> raw) {

        String viewState() {
            Matcher matcher = VIEW_STATE.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("No form on " + path + " (" + status + ")");
            }
            return matcher.group(1);
        }

        Optional<String> nonce() {
            Matcher matcher = NONCE.matcher(body);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }

        boolean shows(String text) {
            return body.contains(text);
        }
    }
}
