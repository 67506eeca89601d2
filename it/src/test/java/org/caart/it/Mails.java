package org.caart.it;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the shared server sent to GreenMail. */
final class Mails {

    static final Pattern LINK = Pattern.compile("(https?://[^/\\s]+)(/invite\\.xhtml\\?token=[A-Za-z0-9_-]+)");

    private Mails() {
    }

    /** Every message to the address so far, oldest first. */
    static List<MimeMessage> to(String address) {
        return Arrays.stream(SharedServer.mail().getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    /** Waits for the n-th message (1-based) to the address. */
    static MimeMessage await(String address, int n) {
        return Wait.until(Duration.ofSeconds(60), () -> to(address).size() >= n ? to(address).get(n - 1) : null);
    }

    /** The newest invitation link mailed to the address, as a path on the test server (the host part is checked). */
    static String invitationLink(String address) {
        return invitationLink(address, 1);
    }

    static String invitationLink(String address, int n) {
        String body = text(await(address, n));
        Matcher matcher = LINK.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No invitation link in: " + body);
        }
        if (!matcher.group(1).equals(SharedServer.PUBLIC_URL)) {
            throw new IllegalStateException("Link not built from CAART_PUBLIC_URL: " + matcher.group());
        }
        return matcher.group(2);
    }

    /** The plain-text part, decoded. */
    static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                        return multipart.getBodyPart(i).getContent().toString();
                    }
                }
            }
            return content.toString();
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
