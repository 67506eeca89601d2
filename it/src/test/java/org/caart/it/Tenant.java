package org.caart.it;

import java.util.UUID;

/**
 * A test company with its owner: a new account signed up through the portal and a company created through the
 * API. Names are unique per call, so tests never see each other's data.
 */
record Tenant(String ownerEmail, String password, long companyId, String companyName, PortalClient portal, Api api) {

    /** Every test company's time zone: its "today" is the date patch ages and deadlines count from. */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Berlin");

    static Tenant create(String label) {
        CaartServer server = SharedServer.server();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = label + "-" + suffix + "@caart.test";
        String password = SharedServer.randomPassword();
        PortalClient portal = PortalClient.signUp(server, email, password);
        Api api = new Api(server, email, password);
        String name = label + " " + suffix;
        Api.Reply reply = api.post("/api/companies", "{\"name\":\"" + name
                + "\",\"clientOs\":\"DEBIAN\",\"timeZone\":\"" + ZONE.getId() + "\",\"postalAddress\":\"1 Main St\"}");
        if (reply.status() != 201) {
            throw new IllegalStateException("Company not created: " + reply.status() + " " + reply.body());
        }
        return new Tenant(email, password, reply.json().getJsonNumber("id").longValue(), name, portal, api);
    }

    /** Another account that joins this company with the role, through the REST invitation and its mail link. */
    Member addMember(String label, String role) {
        CaartServer server = SharedServer.server();
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@caart.test";
        String password = SharedServer.randomPassword();
        Api.Reply invited = api.post(path("/invitations"), "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        if (invited.status() != 201) {
            throw new IllegalStateException("Invitation refused: " + invited.status() + " " + invited.body());
        }
        String link = Mails.invitationLink(email);
        PortalClient portal = new PortalClient(server);
        PortalClient.Page joined = portal.submit(link, "register", "acceptButton", java.util.Map.of(
                "firstName", "Joining", "lastName", label, "password", password, "confirmation", password));
        if (!joined.path().startsWith("/app/dashboard.xhtml")) {
            throw new IllegalStateException("Could not join through " + link + ": " + joined.body());
        }
        return new Member(email, password, portal, new Api(server, email, password));
    }

    String path(String rest) {
        return "/api/companies/" + companyId + rest;
    }

    record Member(String email, String password, PortalClient portal, Api api) {
    }
}
