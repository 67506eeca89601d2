package org.caart.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned schema migrations (Flyway, {@code db/migration}) at start-up, before any timer or
 * message-driven bean touches the database: those depend on this singleton. A database that cannot be used
 * stops the deployment with one sentence prefixed {@code CAART-FATAL:}, which the launcher shows and exits on.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = "java:app/jdbc/caart",
        className = "${ENV=CAART_DB_DATASOURCE:org.h2.jdbcx.JdbcDataSource}",
        url = "${ENV=CAART_DB_URL:jdbc:h2:file:./caart-data/db/caart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0}",
        user = "${ENV=CAART_DB_USER:caart}",
        password = "${ENV=CAART_DB_PASSWORD:}",
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
public class SchemaMigration {

    private static final System.Logger LOG = System.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/caart")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "caart.db.url", defaultValue = "the embedded H2 database")
    String databaseUrl;

    private volatile boolean migrated;
    private volatile String version;

    @PostConstruct
    void migrate() {
        try {
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            MigrateResult result = flyway.migrate();
            version = flyway.info().current().getVersion().getVersion();
            migrated = true;
            LOG.log(Level.INFO, "Database schema at version {0} ({1} migration(s) applied now)",
                    result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "CAART-FATAL: CAaRT cannot use its database at " + redact(databaseUrl) + ": "
                    + rootMessage(e));
            throw e;
        }
    }

    /** Callers that must not run before the schema exists call this; it returns once migration is done. */
    @Lock(LockType.READ)
    public boolean ready() {
        return migrated;
    }

    /** The schema's version (the newest migration applied): a company archive records the one it was made on. */
    @Lock(LockType.READ)
    public String version() {
        return version;
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
