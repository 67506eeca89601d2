package org.caart.endpoint.boundary;

import java.time.OffsetDateTime;

/** A fresh enrollment token (shown once, never stored in clear) and when it stops working. */
public record EnrollmentOffer(String token, OffsetDateTime expiresAt) {
}
