package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.caart.mail.boundary.Outbox;
import org.caart.platform.Clocks;
import org.caart.web.Version;

/** What this server is and how it is wired, for the platform operator. */
@Path("system/info")
@Produces(MediaType.APPLICATION_JSON)
public class SystemInfoResource {

    @Inject
    Outbox outbox;

    @Inject
    Clocks clocks;

    @Inject
    Clock clock;

    @GET
    public SystemInfoView info() {
        return new SystemInfoView(Version.current(), OffsetDateTime.now(clock).toString(), clocks.testMode(),
                outbox.transportDescription());
    }

    public record SystemInfoView(String version, String serverTime, boolean testMode, String mail) {
    }
}
