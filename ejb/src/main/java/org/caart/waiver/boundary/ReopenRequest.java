package org.caart.waiver.boundary;

/** New terms for a rejected exception asked for again; a field left out keeps the old value. */
public record ReopenRequest(String reason, String ticket, String expiresOn) {
}
