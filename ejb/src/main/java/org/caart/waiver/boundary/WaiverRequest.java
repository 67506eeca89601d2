package org.caart.waiver.boundary;

/**
 * A request for an exception: the check ({@code policyId} as the runs name it, {@code checkId}), the scope
 * ({@code ENDPOINT} with {@code endpointId}, {@code TAG} with {@code tag}, or {@code COMPANY}), a reason, an optional
 * ticket reference and the expiry date ({@code YYYY-MM-DD}, the last day it holds, in the company's time zone).
 */
public record WaiverRequest(String policyId, String checkId, String scope, Long endpointId, String tag,
        String reason, String ticket, String expiresOn) {
}
