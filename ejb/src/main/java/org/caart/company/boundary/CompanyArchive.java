package org.caart.company.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.caart.account.entity.UserAccount;
import org.caart.company.entity.Role;
import org.caart.platform.Tokens;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.ArchiveRefused;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Row;
import org.caart.platform.archive.Sequence;

/**
 * The company's share of an archive: the company row (settings, default policies), its members with their roles
 * and duties (by e-mail: accounts are people, not company data; no password leaves the instance) and its
 * invitations (without their secret). On import, a member becomes a member of the new company only when an account
 * with that e-mail exists here; the import's named owner is always its OWNER. Invitations come back with a new
 * unusable secret, the open ones revoked at the import.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CompanyArchive implements CompanyPart {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "company";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("company", "SELECT * FROM company WHERE id = ?", companyId);
        out.rows("invitation", "SELECT id, email, role, invited_by, created_at, sent_at, expires_at, "
                + "accepted_at, accepted_by, revoked_at, sends FROM invitation WHERE company_id = ? ORDER BY id",
                companyId);
        List<Map<String, Object>> members = new ArrayList<>();
        for (Object[] m : em.createQuery("SELECT m.id, u.id, u.email, u.firstName, u.lastName, m.role, m.ciso, "
                + "m.securityTech, m.createdAt FROM Membership m JOIN m.user u WHERE m.company.id = :company "
                + "ORDER BY m.id", Object[].class).setParameter("company", companyId).getResultList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            String[] names = {"id", "user_id", "email", "first_name", "last_name", "role", "ciso", "security_tech",
                "created_at"};
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], m[i] instanceof Role role ? role.name() : m[i]);
            }
            members.add(row);
        }
        out.rows("membership", members);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection db = dataSource.getConnection()) {
            long[] companies = {0};
            in.forEach("company", row -> {
                if (companies[0]++ > 0) {
                    throw new ArchiveRefused(row.where() + ": an archive holds one company");
                }
                long id = new Sequence("SELECT nextval('company_seq')", 50).next(db);
                String name = ids.rename(row.text("name"));
                try (Inserts insert = new Inserts(db, "INSERT INTO company (id, name, postal_address, client_os, "
                        + "time_zone, created_at, default_windows_policy, default_linux_policy, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                    insert.add(id, name, row.text("postal_address"), row.text("client_os"),
                            row.text("time_zone"), row.time("created_at"), row.text("default_windows_policy"),
                            row.text("default_linux_policy"));
                }
                ids.companyCreated(id, name);
            });
            if (companies[0] != 1) {
                throw new ArchiveRefused("The archive holds no company (company/company.jsonl)");
            }
            members(in, ids, db, now);
            invitations(in, ids, db, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the company: " + e.getMessage(), e);
        }
    }

    private void members(ArchiveIn in, IdMap ids, Connection db, OffsetDateTime now) throws SQLException {
        Sequence sequence = new Sequence("SELECT nextval('membership_seq')", 50);
        boolean[] ownerListed = {false};
        try (Inserts insert = new Inserts(db, "INSERT INTO membership (id, company_id, user_id, role, ciso, "
                + "security_tech, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)")) {
            in.forEach("membership", row -> {
                Optional<UserAccount> account = account(row.text("email"));
                if (account.isEmpty()) {
                    ids.note("member " + row.text("email") + " (" + row.text("role") + ") has no account here: "
                            + "invite them");
                    return;
                }
                long userId = account.get().getId();
                boolean owner = userId == ids.ownerId();
                ownerListed[0] |= owner;
                Role role = owner ? Role.OWNER : role(row);
                ids.put("user_account", row.required("user_id"), userId);
                insert.add(sequence.next(db), ids.companyId(), userId, role.name(),
                        Boolean.TRUE.equals(row.flag("ciso")), Boolean.TRUE.equals(row.flag("security_tech")),
                        row.time("created_at") == null ? now : row.time("created_at"));
            });
            if (!ownerListed[0]) {
                insert.add(sequence.next(db), ids.companyId(), ids.ownerId(), Role.OWNER.name(), false, false, now);
            }
        }
    }

    private void invitations(ArchiveIn in, IdMap ids, Connection db, OffsetDateTime now) throws SQLException {
        Sequence sequence = new Sequence("SELECT nextval('invitation_seq')", 50);
        try (Inserts insert = new Inserts(db, "INSERT INTO invitation (id, company_id, email, role, token_hash, "
                + "invited_by, created_at, sent_at, expires_at, accepted_at, accepted_by, revoked_at, sends, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            in.forEach("invitation", row -> {
                OffsetDateTime revoked = row.time("revoked_at");
                if (revoked == null && row.time("accepted_at") == null) {
                    revoked = now; // its link stays with the old instance
                }
                insert.add(sequence.next(db), ids.companyId(), row.text("email"), role(row).name(),
                        Tokens.hash(Tokens.newToken()), ids.find("user_account", row.number("invited_by")),
                        row.time("created_at"), row.time("sent_at"), row.time("expires_at"), row.time("accepted_at"),
                        ids.find("user_account", row.number("accepted_by")), revoked, row.integer("sends"));
            });
        }
    }

    private Optional<UserAccount> account(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email AND u.operator = false",
                UserAccount.class).setParameter("email", UserAccount.normalizeEmail(email)).getResultStream()
                .findFirst();
    }

    private static Role role(Row row) {
        try {
            return Role.valueOf(String.valueOf(row.text("role")));
        } catch (IllegalArgumentException e) {
            throw new ArchiveRefused(row.where() + ": role " + row.text("role") + " is not a role");
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        em.createNativeQuery("DELETE FROM invitation WHERE company_id = ?").setParameter(1, companyId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM membership WHERE company_id = ?").setParameter(1, companyId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM company WHERE id = ?").setParameter(1, companyId).executeUpdate();
    }
}
