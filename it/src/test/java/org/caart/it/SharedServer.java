package org.caart.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One CAaRT server for the whole test pass (started on first use, stopped when the pass ends), in test mode, with
 * its mail going to a GreenMail SMTP server and a platform operator whose password is made up for this pass.
 */
public final class SharedServer implements BeforeAllCallback {

    public static final String OPERATOR = "operator@caart.test";
    public static final String OPERATOR_PASSWORD = randomPassword();
    /** What links in mails start with; the tests open their paths on the test server. */
    public static final String PUBLIC_URL = "http://caart.example.test";

    private static Fixture fixture;

    public static CaartServer server() {
        return fixture().server;
    }

    public static GreenMail mail() {
        return fixture().mail;
    }

    public static Api operatorApi() {
        return new Api(server(), OPERATOR, OPERATOR_PASSWORD);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedServer.class, key -> fixture(), Fixture.class);
    }

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            GreenMail mail = new GreenMail(new ServerSetup(CaartServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            CaartServer server = CaartServer.configure("shared", Map.of(
                    "CAART_TEST_MODE", "true",
                    "CAART_ADMIN_EMAIL", OPERATOR,
                    "CAART_ADMIN_PASSWORD", OPERATOR_PASSWORD,
                    "CAART_SMTP_HOST", "127.0.0.1",
                    "CAART_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()),
                    "CAART_SMTP_FROM", "CAaRT <caart@caart.test>",
                    "CAART_PUBLIC_URL", PUBLIC_URL,
                    "CAART_AGENT_MIN_VERSION", "0.1",
                    "CAART_LOGIN_MAX_FAILURES_PER_ADDRESS", "1000",
                    // every test comes from 127.0.0.1: room for the sign-up tests (the throttle has unit tests)
                    "CAART_SIGNUP_MAX_PER_ADDRESS", "200"));
            fixture = new Fixture(server.start(), mail);
        }
        return fixture;
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    record Fixture(CaartServer server, GreenMail mail) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            server.close();
            mail.stop();
        }
    }
}
