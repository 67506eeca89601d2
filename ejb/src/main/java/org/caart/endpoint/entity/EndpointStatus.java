package org.caart.endpoint.entity;

/** An enrolled agent is active until someone revokes it; a revoked agent is refused and must enroll again. */
public enum EndpointStatus {
    ACTIVE, REVOKED
}
