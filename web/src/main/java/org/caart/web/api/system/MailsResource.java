package org.caart.web.api.system;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.caart.mail.boundary.Outbox;
import org.caart.mail.entity.OutboxMail;
import org.caart.platform.InvalidInputException;

/** The whole outbox, for the platform operator, and the test mail that checks the SMTP settings. */
@Path("system/mails")
@Produces(MediaType.APPLICATION_JSON)
public class MailsResource {

    @Inject
    Outbox outbox;

    @Context
    HttpServletRequest request;

    @GET
    public List<MailView> latest(@QueryParam("max") @DefaultValue("100") int max) {
        return outbox.latest(Math.max(1, Math.min(max, 1000))).stream().map(MailView::of).toList();
    }

    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response test(TestMailRequest body) {
        if (body == null) {
            throw new InvalidInputException("to", "Give the address to send the test mail to");
        }
        return Response.accepted(MailView.of(outbox.sendTestMail(body.to(), request.getRemoteAddr()))).build();
    }

    public record TestMailRequest(String to) {
    }

    public record MailView(long id, String recipient, String subject, String status, int attempts,
            String createdAt, String sentAt, String lastError) {

        static MailView of(OutboxMail m) {
            return new MailView(m.getId(), m.getRecipient(), m.getSubject(), m.getStatus().name(), m.getAttempts(),
                    m.getCreatedAt().toString(), m.getSentAt() == null ? null : m.getSentAt().toString(),
                    m.getLastError());
        }
    }
}
