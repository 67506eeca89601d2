package org.caart.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.caart.account.control.PasswordHashing;
import org.caart.account.control.PasswordPolicy;
import org.caart.account.entity.UserAccount;
import org.caart.platform.InvalidInputException;
import org.caart.platform.TrailRecorder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the platform operator on first start. There is no default password: either CAART_ADMIN_EMAIL and
 * CAART_ADMIN_PASSWORD are set, or a one-time password is written to {@code $CAART_DATA_DIR/bootstrap-password}
 * (mode 0600) and must be changed at first sign-in. The password itself never reaches the log.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class OperatorBootstrap {

    static final String FILE_NAME = "bootstrap-password";
    private static final System.Logger LOG = System.getLogger(OperatorBootstrap.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    TrailRecorder trail;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caart.admin.email", defaultValue = "operator@caart.local")
    String email;

    @Inject
    @ConfigProperty(name = "caart.admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "caart.data.dir", defaultValue = "caart-data")
    String dataDir;

    @PostConstruct
    void ensureOperator() {
        Path file = Path.of(dataDir).toAbsolutePath().resolve(FILE_NAME);
        Optional<UserAccount> existing = em.createQuery("SELECT u FROM UserAccount u WHERE u.operator = TRUE "
                + "ORDER BY u.id", UserAccount.class).setMaxResults(1).getResultStream().findFirst();
        if (existing.isPresent()) {
            if (!existing.get().isMustChangePassword()) {
                deleteQuietly(file);
            }
            return;
        }
        Optional<String> configured = password.filter(p -> !p.isBlank());
        if (configured.isPresent()) {
            try {
                PasswordPolicy.check(configured.get().toCharArray(), configured.get().toCharArray(), email);
            } catch (InvalidInputException e) {
                LOG.log(Level.ERROR, "CAART-FATAL: CAART_ADMIN_PASSWORD is not acceptable: " + e.getMessage());
                throw e;
            }
            create(configured.get(), false);
            LOG.log(Level.INFO, "First start: platform operator {0} created from CAART_ADMIN_EMAIL/CAART_ADMIN_PASSWORD",
                    email);
        } else {
            String oneTime = randomPassword();
            writeSecret(file, oneTime);
            create(oneTime, true);
            LOG.log(Level.WARNING, "First start: platform operator {0} created; its one-time password is in {1} "
                    + "(a new password is required at first sign-in)", email, file);
        }
    }

    private void create(String secret, boolean mustChange) {
        UserAccount operator = UserAccount.operator(email, hashing.hash(secret.toCharArray()), mustChange,
                OffsetDateTime.now(clock));
        em.persist(operator);
        em.flush();
        trail.record(null, operator.getId(), operator.getEmail(), "operator.created", null,
                mustChange ? "one-time password file" : "from configuration", null);
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static void writeSecret(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the operator's one-time password to " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                LOG.log(Level.INFO, "Removed {0}: the operator has chosen a password", file);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove " + file + ": " + e.getMessage());
        }
    }
}
