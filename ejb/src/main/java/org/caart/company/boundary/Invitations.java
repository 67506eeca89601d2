package org.caart.company.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.caart.account.boundary.Accounts;
import org.caart.account.boundary.SignUpRequest;
import org.caart.account.entity.UserAccount;
import org.caart.company.control.InvitationMail;
import org.caart.company.entity.Company;
import org.caart.company.entity.Invitation;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.company.entity.Role;
import org.caart.platform.ConflictException;
import org.caart.platform.ForbiddenException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.MailRequest;
import org.caart.platform.NotFoundException;
import org.caart.platform.Tokens;
import org.caart.platform.TrailRecorder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invitations (UC8). Owners and admins invite an address with a role; the mail's link carries a 256-bit token of
 * which only the hash is kept. The link works once, for that company and that address, until it expires.
 */
@Stateless
public class Invitations {

    private static final System.Logger LOG = System.getLogger(Invitations.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    Accounts accounts;

    @Inject
    Event<MailRequest> outbox;

    @Inject
    InvitationMail mails;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.invitation.validity-hours", defaultValue = "72")
    int validityHours;

    /**
     * An invitation just made or renewed, with its link: the only time the link is known (the token is kept as a
     * hash), so the inviter can hand it over when no mail arrives.
     */
    public record Invited(Invitation invitation, String link) {
    }

    /** A pending invitation for the signed-in caller's own address, as the dashboard offers it. */
    public record Offer(long id, String companyName, String role, String invitedBy, OffsetDateTime expiresAt,
            String timeZone) {
    }

    public Invited invite(long companyId, String email, Role role, String sourceAddress) {
        Membership actor = access.require(companyId, Permission.MANAGE_MEMBERS);
        if (role == null) {
            throw new InvalidInputException("role", "Choose a role");
        }
        if (role == Role.OWNER && !actor.getRole().can(Permission.MANAGE_OWNERS)) {
            throw new ForbiddenException("Only an owner can invite another owner");
        }
        String address = validEmail(email);
        if (isMember(companyId, address)) {
            throw new ConflictException(address + " is already a member of this company");
        }
        if (open(companyId, address).isPresent()) {
            throw new ConflictException(address + " already has an open invitation; resend it instead");
        }
        return create(actor.getCompany(), address, role, actor.getUser(), sourceAddress);
    }

    /**
     * The platform operator hands a company it has just created (no member yet) to its first owner. Called by
     * {@link Companies#createForOwner} in the same transaction.
     */
    public Invited inviteFirstOwner(Company company, String email, String sourceAddress) {
        UserAccount operator = operator();
        if (hasMembers(company.getId())) {
            throw new ConflictException("This company has an owner already; its owners manage its invitations");
        }
        return create(company, validEmail(email), Role.OWNER, operator, sourceAddress);
    }

    /**
     * The operator's new link for the first owner of a company that has no member yet (the earlier link stops
     * working); once the company has an owner, its owners manage its invitations.
     */
    public Invited renewFirstOwner(long companyId, String sourceAddress) {
        UserAccount operator = operator();
        if (hasMembers(companyId)) {
            throw new ConflictException("This company has an owner already; its owners manage its invitations");
        }
        Invitation invitation = em.createQuery("SELECT i FROM Invitation i WHERE i.company.id = :company "
                        + "AND i.role = :owner AND i.acceptedAt IS NULL AND i.revokedAt IS NULL ORDER BY i.id DESC",
                        Invitation.class)
                .setParameter("company", companyId).setParameter("owner", Role.OWNER)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Invitation"));
        String token = Tokens.newToken();
        invitation.resend(Tokens.hash(token), OffsetDateTime.now(clock), validity());
        send(invitation, token);
        trail.record(companyId, operator.getId(), operator.getEmail(), "invitation.resend", invitation.getEmail(),
                "first owner, by the platform operator", sourceAddress);
        return new Invited(invitation, mails.link(token));
    }

    /** The first owner's open invitation of each company without a member, for the operator's companies page. */
    public List<Invitation> firstOwnersWaiting() {
        operator();
        return em.createQuery("SELECT i FROM Invitation i JOIN FETCH i.company c WHERE i.role = :owner "
                        + "AND i.acceptedAt IS NULL AND i.revokedAt IS NULL "
                        + "AND NOT EXISTS (SELECT m.id FROM Membership m WHERE m.company = c) ORDER BY i.id",
                        Invitation.class)
                .setParameter("owner", Role.OWNER).getResultList();
    }

    /** Pending invitations addressed to the signed-in caller, whatever company sent them (not expired ones). */
    public List<Offer> forMe() {
        UserAccount caller = access.caller();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createQuery("SELECT i FROM Invitation i JOIN FETCH i.company LEFT JOIN FETCH i.invitedBy "
                        + "WHERE i.email = :email AND i.acceptedAt IS NULL AND i.revokedAt IS NULL "
                        + "AND i.expiresAt > :now ORDER BY i.sentAt DESC", Invitation.class)
                .setParameter("email", caller.getEmail()).setParameter("now", now)
                .getResultStream().filter(i -> !isMember(i.getCompany().getId(), caller.getEmail()))
                .map(i -> new Offer(i.getId(), i.getCompany().getName(), i.getRole().name(),
                        i.getInvitedBy() == null ? null : i.getInvitedBy().displayName(), i.getExpiresAt(),
                        i.getCompany().getTimeZone()))
                .toList();
    }

    /**
     * The signed-in caller accepts an invitation from the list of their own: found by its id and the caller's
     * address, so another person's invitation is "not found".
     */
    public Membership acceptOffer(long invitationId, String sourceAddress) {
        UserAccount caller = access.caller();
        Invitation invitation = em.createQuery("SELECT i FROM Invitation i JOIN FETCH i.company WHERE i.id = :id "
                        + "AND i.email = :email", Invitation.class)
                .setParameter("id", invitationId).setParameter("email", caller.getEmail())
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("Invitation"));
        requirePending(invitation);
        return join(invitation, caller, sourceAddress);
    }

    private Invited create(Company company, String address, Role role, UserAccount inviter, String sourceAddress) {
        String token = Tokens.newToken();
        Invitation invitation = new Invitation(company, address, role, inviter, Tokens.hash(token),
                OffsetDateTime.now(clock), validity());
        em.persist(invitation);
        em.flush();
        send(invitation, token);
        trail.record(company.getId(), inviter.getId(), inviter.getEmail(), "invitation.send", address,
                role.name(), sourceAddress);
        LOG.log(Level.INFO, "Invitation {0} to company {1} sent", invitation.getId(), company.getId());
        return new Invited(invitation, mails.link(token));
    }

    private static String validEmail(String email) {
        if (!wellFormed(email)) {
            throw new InvalidInputException("email", "This is not a valid email address");
        }
        return UserAccount.normalizeEmail(email);
    }

    static boolean wellFormed(String email) {
        return email != null && !email.isBlank() && SignUpRequest.EMAIL.matcher(email.strip()).matches()
                && email.strip().length() <= UserAccount.EMAIL_MAX;
    }

    private UserAccount operator() {
        UserAccount caller = access.caller();
        if (!caller.isOperator()) {
            throw new ForbiddenException("Only the platform operator may do this");
        }
        return caller;
    }

    private boolean hasMembers(long companyId) {
        return !em.createQuery("SELECT m.id FROM Membership m WHERE m.company.id = :company", Long.class)
                .setParameter("company", companyId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Invitations not yet accepted or revoked (expired ones included, so they can be resent). */
    public List<Invitation> open(long companyId) {
        access.require(companyId, Permission.MANAGE_MEMBERS);
        return em.createQuery("SELECT i FROM Invitation i WHERE i.company.id = :company AND i.acceptedAt IS NULL "
                        + "AND i.revokedAt IS NULL ORDER BY i.sentAt DESC", Invitation.class)
                .setParameter("company", companyId).getResultList();
    }

    /** A new link (the old one stops working) and a fresh validity period. */
    public Invited resend(long companyId, long invitationId, String sourceAddress) {
        Membership actor = access.require(companyId, Permission.MANAGE_MEMBERS);
        Invitation invitation = findOpen(companyId, invitationId);
        String token = Tokens.newToken();
        invitation.resend(Tokens.hash(token), OffsetDateTime.now(clock), validity());
        send(invitation, token);
        trail.record(companyId, actor.getUser().getId(), actor.getUser().getEmail(), "invitation.resend",
                invitation.getEmail(), null, sourceAddress);
        return new Invited(invitation, mails.link(token));
    }

    public void revoke(long companyId, long invitationId, String sourceAddress) {
        Membership actor = access.require(companyId, Permission.MANAGE_MEMBERS);
        Invitation invitation = findOpen(companyId, invitationId);
        invitation.revoke(OffsetDateTime.now(clock));
        trail.record(companyId, actor.getUser().getId(), actor.getUser().getEmail(), "invitation.revoke",
                invitation.getEmail(), null, sourceAddress);
    }

    /** What the link's page shows; an unknown or malformed token is "not found". */
    public InvitationView lookup(String token) {
        Invitation invitation = byToken(token);
        UserAccount inviter = invitation.getInvitedBy();
        return new InvitationView(invitation.getCompany().getName(), invitation.getEmail(),
                invitation.getRole().name(), inviter == null ? null : inviter.displayName(),
                invitation.state(OffsetDateTime.now(clock)), invitation.getExpiresAt(),
                accounts.emailTaken(invitation.getEmail()));
    }

    /** The signed-in caller accepts; the invitation must be addressed to the caller's email. */
    public Membership accept(String token, String sourceAddress) {
        UserAccount caller = access.caller();
        Invitation invitation = pending(token);
        if (!caller.getEmail().equals(invitation.getEmail())) {
            trail.recordRefusal(invitation.getCompany().getId(), caller.getId(), caller.getEmail(),
                    "invitation.refused", invitation.getEmail(), "signed in as another address", sourceAddress);
            throw new ForbiddenException("This invitation is for " + invitation.getEmail()
                    + "; sign in with that address to accept it");
        }
        return join(invitation, caller, sourceAddress);
    }

    /** Someone without an account registers with the invited address and joins in one step. */
    public Membership acceptAsNewUser(String token, String firstName, String lastName, char[] password,
            char[] confirmation, String sourceAddress) {
        Invitation invitation = pending(token);
        SignUpRequest request = new SignUpRequest(firstName, lastName, invitation.getEmail(), password,
                confirmation);
        return join(invitation, accounts.registerInvited(request, sourceAddress), sourceAddress);
    }

    private Membership join(Invitation invitation, UserAccount user, String sourceAddress) {
        long companyId = invitation.getCompany().getId();
        if (isMember(companyId, user.getEmail())) {
            throw new ConflictException("You are already a member of " + invitation.getCompany().getName());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        invitation.accept(user, now);
        Membership membership = new Membership(invitation.getCompany(), user, invitation.getRole(), now);
        em.persist(membership);
        em.flush();
        trail.record(companyId, user.getId(), user.getEmail(), "invitation.accept", user.getEmail(),
                invitation.getRole().name(), sourceAddress);
        return membership;
    }

    private void send(Invitation invitation, String token) {
        InvitationMail.Mail mail = mails.compose(invitation, token);
        outbox.fire(new MailRequest(invitation.getCompany().getId(), invitation.getEmail(), mail.subject(),
                mail.text(), mail.html(), true));
    }

    private Invitation pending(String token) {
        return requirePending(byToken(token));
    }

    private Invitation requirePending(Invitation invitation) {
        Invitation.State state = invitation.state(OffsetDateTime.now(clock));
        if (state != Invitation.State.PENDING) {
            throw new ConflictException(switch (state) {
                case EXPIRED -> "This invitation has expired; ask for a new one";
                case ACCEPTED -> "This invitation has already been used";
                default -> "This invitation was withdrawn";
            });
        }
        return invitation;
    }

    private Invitation byToken(String token) {
        if (!Tokens.wellFormed(token)) {
            throw new NotFoundException("Invitation");
        }
        return em.createQuery("SELECT i FROM Invitation i JOIN FETCH i.company WHERE i.tokenHash = :hash",
                        Invitation.class)
                .setParameter("hash", Tokens.hash(token)).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Invitation"));
    }

    private Invitation findOpen(long companyId, long invitationId) {
        Invitation invitation = em.createQuery("SELECT i FROM Invitation i WHERE i.id = :id "
                        + "AND i.company.id = :company", Invitation.class)
                .setParameter("id", invitationId).setParameter("company", companyId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Invitation"));
        Invitation.State state = invitation.state(OffsetDateTime.now(clock));
        if (state == Invitation.State.ACCEPTED || state == Invitation.State.REVOKED) {
            throw new ConflictException("This invitation is " + state.name().toLowerCase() + " already");
        }
        return invitation;
    }

    private Optional<Invitation> open(long companyId, String email) {
        return em.createQuery("SELECT i FROM Invitation i WHERE i.company.id = :company AND i.email = :email "
                        + "AND i.acceptedAt IS NULL AND i.revokedAt IS NULL", Invitation.class)
                .setParameter("company", companyId).setParameter("email", email)
                .getResultStream().findFirst();
    }

    private boolean isMember(long companyId, String email) {
        return !em.createQuery("SELECT m.id FROM Membership m WHERE m.company.id = :company "
                        + "AND m.user.email = :email", Long.class)
                .setParameter("company", companyId).setParameter("email", email)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private Duration validity() {
        return Duration.ofHours(validityHours);
    }
}
