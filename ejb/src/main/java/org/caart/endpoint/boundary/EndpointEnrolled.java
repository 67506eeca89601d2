package org.caart.endpoint.boundary;

import org.caart.endpoint.entity.Endpoint;

/** Fired in the enrollment's transaction once the endpoint is stored (the patch board makes its device then). */
public record EndpointEnrolled(Endpoint endpoint) {
}
