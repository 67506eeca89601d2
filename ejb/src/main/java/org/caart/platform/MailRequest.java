package org.caart.platform;

/**
 * A mail to queue, fired as a CDI event by the component that writes it and queued by the {@code mail} component's
 * outbox in the same transaction (so it is sent exactly when the action commits). {@code secret}: the body
 * carries a one-time secret (an invitation link) and is kept only until the SMTP server accepts the mail. A
 * recipient that is not an email address fails the firing transaction with an {@link InvalidInputException}.
 */
public record MailRequest(Long companyId, String recipient, String subject, String text, String html,
        boolean secret) {
}
