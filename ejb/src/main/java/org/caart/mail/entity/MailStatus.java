package org.caart.mail.entity;

/** A queued mail's state. CAPTURED: no SMTP server is configured, so the mail stays readable in the outbox. */
public enum MailStatus {
    PENDING, SENT, CAPTURED
}
