package org.caart.export.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.caart.account.entity.UserAccount;
import org.caart.company.boundary.Access;
import org.caart.company.entity.Company;
import org.caart.company.entity.Membership;
import org.caart.company.entity.Permission;
import org.caart.export.control.ArchiveFile;
import org.caart.export.control.Manifest;
import org.caart.export.entity.CompanyDeletion;
import org.caart.platform.CaartException;
import org.caart.platform.InvalidInputException;
import org.caart.platform.SchemaMigration;
import org.caart.platform.TrailRecorder;
import org.caart.platform.archive.ArchiveIn;
import org.caart.platform.archive.ArchiveOut;
import org.caart.platform.archive.ArchiveRefused;
import org.caart.platform.archive.CompanyPart;
import org.caart.platform.archive.IdMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Backup services for one company: its owner exports it (a zip streamed as it is read, every component's
 * {@link CompanyPart} in one transaction, the manifest last) or deletes it; the platform operator imports an
 * archive as a new company, after checking all of it, in one transaction (a refusal or a failure leaves nothing).
 * Each is a trail entry; a deletion's entry and its {@link CompanyDeletion} row outlive the company.
 */
@Stateless
public class CompanyArchives {

    private static final System.Logger LOG = System.getLogger(CompanyArchives.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    @Any
    Instance<CompanyPart> parts;

    @Inject
    SchemaMigration schema;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "caart.export.import-max-bytes", defaultValue = "17179869184")
    long importMaxBytes;

    /** The company an owner may export or delete (checked before a response starts). */
    public Company requireOwner(long companyId) {
        return access.require(companyId, Permission.MANAGE_DATA).getCompany();
    }

    /**
     * Writes the company's archive to {@code out}, streamed; finishes the zip, leaves {@code out} open. Not in the
     * container's transaction: the parts read on a connection of the export's own, REPEATABLE READ and read-only,
     * so the whole archive is one snapshot (an agent's batch stored meanwhile is in it entirely or not at all). The
     * export's trail entry is written first, in a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void export(long companyId, OutputStream out, String sourceAddress) {
        Company company = access.require(companyId, Permission.MANAGE_DATA).getCompany();
        UserAccount user = access.caller();
        context.getBusinessObject(CompanyArchives.class).recordExport(companyId, user.getId(), user.getEmail(),
                company.getName(), sourceAddress);
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        List<CompanyPart> ordered = ordered();
        List<ArchiveOut.FileEntry> files;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                ArchiveOut archive = new ArchiveOut(zip, db);
                for (CompanyPart part : ordered) {
                    archive.startPart(part.name());
                    part.export(companyId, archive);
                }
                files = archive.files();
            } finally {
                db.rollback(); // it only read
                db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read company " + companyId + " for its export: "
                    + e.getMessage(), e);
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, schema.version(), companyId, company.getName(),
                OffsetDateTime.now(clock).toString(), ordered.stream().map(CompanyPart::name).toList(), files);
        try {
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.log(Level.INFO, "Company {0} exported by account {1}: {2} files", companyId, user.getId(), files.size());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordExport(long companyId, long actorId, String actor, String companyName, String sourceAddress) {
        trail.record(companyId, actorId, actor, "company.export", companyName, null, sourceAddress);
    }

    /**
     * Imports the archive at {@code file} as a new company owned by the account {@code ownerEmail} (an account of
     * this instance), named {@code name} (null: the archive's). Operator only.
     */
    @RolesAllowed("OPERATOR")
    public ImportSummary importArchive(Path file, String ownerEmail, String name, String sourceAddress) {
        UserAccount operator = access.caller();
        UserAccount owner = owner(ownerEmail);
        try (ArchiveFile archive = ArchiveFile.verify(file, importMaxBytes)) {
            Manifest manifest = archive.manifest();
            refuseNewerSchema(manifest);
            refuseUnknownParts(manifest);
            IdMap ids = new IdMap(owner.getId(), name);
            ArchiveIn in = new ArchiveIn(archive::open);
            for (CompanyPart part : ordered()) {
                in.startPart(part.name());
                try {
                    part.restore(in, ids);
                } catch (CaartException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new ArchiveRefused("The archive's " + part.name() + " data cannot be stored here: "
                            + rootMessage(e));
                }
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            manifest.files().forEach(f -> rows.put(f.path(), f.rows()));
            // the parts wrote with JDBC on the transaction's connection: read the new company from the IdMap, not JPA
            trail.record(ids.companyId(), operator.getId(), operator.getEmail(), "company.import", ids.companyName(),
                    "from company " + manifest.companyId() + " (" + manifest.companyName() + "), exported "
                            + manifest.exportedAt() + ", owner " + owner.getEmail(), sourceAddress);
            LOG.log(Level.INFO, "Company {0} imported as company {1} by the operator", manifest.companyId(),
                    ids.companyId());
            return new ImportSummary(ids.companyId(), ids.companyName(), rows, ids.notes());
        }
    }

    /**
     * Deletes the company and everything it owns, for good; {@code confirmation} must be its name. The trail keeps
     * the company's events and the deletion's, and the platform a {@link CompanyDeletion}.
     */
    public CompanyDeletion delete(long companyId, String confirmation, String sourceAddress) {
        Membership owner = access.require(companyId, Permission.MANAGE_DATA);
        Company company = owner.getCompany();
        if (confirmation == null || !confirmation.strip().equals(company.getName())) {
            throw new InvalidInputException("confirmation", "Type the company's name to confirm the deletion");
        }
        String name = company.getName();
        UserAccount user = owner.getUser();
        em.flush();
        em.clear();
        List<CompanyPart> ordered = ordered();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            ordered.get(i).erase(companyId);
        }
        CompanyDeletion deletion = new CompanyDeletion(companyId, name, user.getEmail(), OffsetDateTime.now(clock),
                sourceAddress, "parts erased: " + ordered.stream().map(CompanyPart::name).toList());
        em.persist(deletion);
        trail.record(companyId, user.getId(), user.getEmail(), "company.delete", name,
                "the company and all its data were deleted; this trail is kept", sourceAddress);
        LOG.log(Level.WARNING, "Company {0} ({1}) deleted by account {2}", companyId, name, user.getId());
        return deletion;
    }

    /** Deleted companies, newest first: the platform operator's record. */
    @RolesAllowed("OPERATOR")
    public List<CompanyDeletion> deletions() {
        return em.createQuery("SELECT d FROM CompanyDeletion d ORDER BY d.deletedAt DESC, d.id DESC",
                CompanyDeletion.class).setMaxResults(500).getResultList();
    }

    private UserAccount owner(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("owner", "Name the account (e-mail) that will own the imported company");
        }
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.email = :email AND u.operator = false",
                UserAccount.class).setParameter("email", UserAccount.normalizeEmail(email)).getResultStream()
                .findFirst().orElseThrow(() -> new InvalidInputException("owner", "No account " + email.strip()
                        + " here: the owner of the imported company must have signed up on this instance"));
    }

    private void refuseNewerSchema(Manifest manifest) {
        if (manifest.schema() == null || schema.version() == null) {
            return;
        }
        try {
            if (MigrationVersion.fromVersion(manifest.schema()).isNewerThan(schema.version())) {
                throw new ArchiveRefused("This archive was made by a newer CAaRT (schema " + manifest.schema()
                        + ", this instance has " + schema.version() + "): upgrade this instance first");
            }
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new ArchiveRefused("The manifest's schema version " + manifest.schema() + " is not a version");
        }
    }

    private void refuseUnknownParts(Manifest manifest) {
        List<String> known = ordered().stream().map(CompanyPart::name).toList();
        for (ArchiveOut.FileEntry file : manifest.files()) {
            String part = file.path().substring(0, file.path().indexOf('/'));
            if (!known.contains(part)) {
                throw new ArchiveRefused("The archive holds data this instance does not know (" + part + "): import "
                        + "it into a CAaRT of the exporting version or newer");
            }
        }
    }

    private List<CompanyPart> ordered() {
        return parts.stream().sorted(Comparator.comparingInt(CompanyPart::rank)).toList();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof EJBException && root == e) {
            return "an unexpected error";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
