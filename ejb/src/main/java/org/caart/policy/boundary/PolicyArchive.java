package org.caart.policy.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.caart.platform.archive.Inserts;
import org.caart.platform.archive.Row;
import org.caart.platform.archive.Sequence;
import org.caart.policy.entity.UploadedPolicy;

/** The policy component's share of a company archive: the policies the company uploaded, with their findings. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PolicyArchive implements CompanyPart {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public int rank() {
        return 20;
    }

    /**
     * A policy id as the new company knows it: built-in ids and "default" stay, {@code upload:<id>} gets the
     * imported policy's new id (a policy deleted since stays as it was: finished runs keep their policy's id).
     */
    public static String remap(String policyId, IdMap ids) {
        if (policyId == null || !policyId.startsWith(UploadedPolicy.CHOICE_PREFIX)) {
            return policyId;
        }
        try {
            Long now = ids.find("uploaded_policy", Long.parseLong(policyId.substring(UploadedPolicy.CHOICE_PREFIX.length())));
            return now == null ? policyId : UploadedPolicy.CHOICE_PREFIX + now;
        } catch (NumberFormatException e) {
            return policyId;
        }
    }

    @Override
    public void export(long companyId, ArchiveOut out) {
        out.rows("uploaded_policy", "SELECT * FROM uploaded_policy WHERE company_id = ? ORDER BY id",
                companyId);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restore(ArchiveIn in, IdMap ids) {
        Sequence sequence = new Sequence("SELECT nextval('uploaded_policy_seq')", 50);
        try (Connection db = dataSource.getConnection();
                Inserts insert = new Inserts(db, "INSERT INTO uploaded_policy (id, company_id, name, format, content, "
                        + "check_count, command_checks, findings_count, findings, uploaded_by, uploaded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            in.forEach("uploaded_policy", (Row row) -> {
                long id = sequence.next(db);
                ids.put("uploaded_policy", row.required("id"), id);
                insert.add(id, ids.companyId(), row.text("name"), row.text("format"), row.text("content"),
                        row.integer("check_count"), row.integer("command_checks"), row.integer("findings_count"),
                        row.text("findings"), row.text("uploaded_by"), row.time("uploaded_at"));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not import the policies: " + e.getMessage(), e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void erase(long companyId) {
        em.createNativeQuery("DELETE FROM uploaded_policy WHERE company_id = ?").setParameter(1, companyId)
                .executeUpdate();
    }
}
