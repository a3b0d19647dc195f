package org.kaowu.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.kaowu.infrastructure.persistence.migration.V10__score_keys;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema up to date (Flyway: SQL in {@code db/migration}, Java in {@code .migration}) before anything
 * else touches the database.
 * Bean-managed transactions: Flyway commits each migration itself and must not run inside a JTA transaction.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/kaowu")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway().migrate();
        // targetSchemaVersion is null when nothing was applied: the version found is the current one then
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Schema at version " + version + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }

    /** Migrations known to the code but not applied to the database (zero once start-up has finished). */
    public int pendingCount() {
        return flyway().info().pending().length;
    }

    /** The version of the newest migration applied. */
    public String currentVersion() {
        var current = flyway().info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /** Migrations applied to the database so far. */
    public int appliedCount() {
        return flyway().info().applied().length;
    }

    private Flyway flyway() {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Java migrations are named here rather than found by scanning the EJB jar's classes
                .javaMigrations(new V10__score_keys())
                // an existing database whose history disagrees with the code is a deployment error
                .validateOnMigrate(true)
                .load();
    }
}
