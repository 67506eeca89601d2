package org.caart.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caart.company.boundary.Companies;
import org.caart.company.boundary.CompanyRequest;
import org.caart.company.boundary.Invitations;
import org.caart.company.entity.Invitation;
import org.caart.mail.boundary.Outbox;
import org.caart.platform.InvalidInputException;
import org.caart.platform.Times;
import org.caart.web.FormMessages;
import org.caart.web.MailNotice;
import org.caart.web.security.CurrentUser;

/**
 * The platform operator's companies: create one and invite its first owner (the operator never joins it), see
 * which companies still wait for their owner and give that owner a new link.
 */
@Named
@ViewScoped
public class PlatformCompaniesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Companies companies;

    @Inject
    Invitations invitations;

    @Inject
    Outbox outbox;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private List<Row> rows = List.of();
    private String name;
    private String postalAddress;
    private String clientOs;
    private String timeZone = "UTC";
    private String ownerEmail;
    private Link link;

    @PostConstruct
    public void load() {
        Map<Long, Invitation> waiting = invitations.firstOwnersWaiting().stream()
                .collect(Collectors.toMap(i -> i.getCompany().getId(), Function.identity(), (a, b) -> b));
        rows = companies.overview().stream().map(c -> {
            Invitation owner = waiting.get(c.id());
            return new Row(c.id(), c.name(), c.timeZone(), Times.human(c.createdAt(), Times.zone(c.timeZone())),
                    c.members(), owner == null ? null : owner.getEmail(),
                    owner == null ? null : Times.human(owner.getExpiresAt(), Times.zone(c.timeZone())));
        }).toList();
    }

    public void create() {
        try {
            Invitations.Invited invited = companies.createForOwner(
                    new CompanyRequest(name, postalAddress, clientOs, timeZone), ownerEmail, user.sourceAddress());
            link = Link.of(invited);
            FormMessages.info(faces, "Company " + invited.invitation().getCompany().getName() + " created; "
                    + invited.invitation().getEmail() + " is invited as its owner");
            MailNotice.warnIfUndeliverable(faces, outbox);
            name = null;
            postalAddress = null;
            clientOs = null;
            ownerEmail = null;
            load();
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "create", e);
        }
    }

    public void renew(Row row) {
        link = Link.of(invitations.renewFirstOwner(row.id(), user.sourceAddress()));
        FormMessages.info(faces, "New link for " + row.ownerWaiting() + "; the earlier link no longer works");
        MailNotice.warnIfUndeliverable(faces, outbox);
        load();
    }

    public List<Row> getRows() {
        return rows;
    }

    public Link getLink() {
        return link;
    }

    /** A company as the operator sees it: no company data, only whether its owner has arrived. */
    public record Row(long id, String name, String timeZone, String createdAt, long members, String ownerWaiting,
            String ownerLinkExpires) implements Serializable {
    }

    /** The invitation link shown once (the same shape as the members page's). */
    public record Link(String email, String role, String link) implements Serializable {

        static Link of(Invitations.Invited invited) {
            return new Link(invited.invitation().getEmail(), invited.invitation().getRole().name(), invited.link());
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(String postalAddress) {
        this.postalAddress = postalAddress;
    }

    public String getClientOs() {
        return clientOs;
    }

    public void setClientOs(String clientOs) {
        this.clientOs = clientOs;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getOwnerEmail() {
        return ownerEmail;
    }

    public void setOwnerEmail(String ownerEmail) {
        this.ownerEmail = ownerEmail;
    }
}
