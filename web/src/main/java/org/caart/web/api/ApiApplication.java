package org.caart.web.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.caart.account.boundary.SignedIn;

/** REST under /api: /api/agent/v1 for agents, /api/system for the platform operator (HTTP Basic). */
@ApplicationPath("api")
@DeclareRoles({SignedIn.USER, SignedIn.OPERATOR, SignedIn.PASSWORD_CHANGE})
public class ApiApplication extends Application {

    /** No generated WADL (application.wadl): the API is described by /openapi. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
