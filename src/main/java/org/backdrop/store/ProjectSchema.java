package org.backdrop.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The project file's schema and its migrations. A project is recognised by SQLite's
 * {@code application_id}; its schema version is the highest version in the {@code migrations} table.
 * Opening a project applies the migrations it lacks, each in its own transaction.
 */
final class ProjectSchema {

    /** SQLite's {@code application_id} of a Backdrop project: the ASCII bytes "BDrp". */
    static final int APPLICATION_ID = 0x42447270;

    private record Migration(int version, String description, List<String> statements) {}

    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "datasets, masks with history, review decision log, background presets, runs and metrics", List.of(
                    "CREATE TABLE datasets (id INTEGER PRIMARY KEY, role TEXT NOT NULL UNIQUE, path TEXT NOT NULL,"
                            + " format TEXT NOT NULL, sample_count INTEGER NOT NULL, checksum TEXT, saved_at TEXT NOT NULL)",
                    "CREATE TABLE masks (id INTEGER PRIMARY KEY, sample_id TEXT NOT NULL, height INTEGER NOT NULL,"
                            + " width INTEGER NOT NULL, counts TEXT NOT NULL, area INTEGER NOT NULL, origin TEXT NOT NULL,"
                            + " saved_at TEXT NOT NULL)",
                    "CREATE INDEX masks_by_sample ON masks (sample_id, id)",
                    "CREATE TABLE current_masks (sample_id TEXT PRIMARY KEY, mask_id INTEGER NOT NULL REFERENCES masks (id))",
                    "CREATE TABLE review_decisions (id INTEGER PRIMARY KEY, sample_id TEXT NOT NULL, status TEXT NOT NULL,"
                            + " decided_at TEXT NOT NULL, undo INTEGER NOT NULL)",
                    "CREATE INDEX review_decisions_by_sample ON review_decisions (sample_id, id)",
                    "CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions"
                            + " BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END",
                    "CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions"
                            + " BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END",
                    "CREATE TABLE background_presets (name TEXT PRIMARY KEY, json TEXT NOT NULL, saved_at TEXT NOT NULL)",
                    "CREATE TABLE runs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL,"
                            + " finished_at TEXT, inputs TEXT NOT NULL)",
                    "CREATE TABLE run_metrics (run_id TEXT NOT NULL REFERENCES runs (id), row INTEGER NOT NULL, epoch INTEGER,"
                            + " variant TEXT, name TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (run_id, row))")));

    private ProjectSchema() {}

    /** Returns the schema version this program writes and reads. */
    static int currentVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /** Marks a new, empty database as a Backdrop project and creates the migrations table. */
    static void initialise(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA application_id = " + APPLICATION_ID);
            statement.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
    }

    /**
     * Checks that the database is a Backdrop project this program can read.
     *
     * @throws ProjectFileException if it is another SQLite database or its schema is newer than this program's
     */
    static void check(Connection connection, Path file) throws SQLException, ProjectFileException {
        int applicationId = queryInt(connection, "PRAGMA application_id");
        if (applicationId != APPLICATION_ID) {
            throw new ProjectFileException(file, "is an SQLite database but not a Backdrop project (its application_id is "
                    + applicationId + "); open a .backdrop file that Backdrop Studio created");
        }
        int version = version(connection);
        if (version > currentVersion()) {
            throw new ProjectFileException(file, "was written by a newer Backdrop (project schema version " + version
                    + "; this program reads up to version " + currentVersion() + "); update Backdrop to open it");
        }
    }

    /** Applies the migrations newer than the database's version, each in its own transaction. */
    static void migrate(Connection connection) throws SQLException {
        int version = version(connection);
        for (Migration migration : MIGRATIONS) {
            if (migration.version() <= version) {
                continue;
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                statement.execute("INSERT INTO migrations (version, description, applied_at) VALUES (" + migration.version()
                        + ", '" + migration.description().replace("'", "''") + "', '" + Instant.now() + "')");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Returns the highest applied migration's version, 0 when none is. */
    static int version(Connection connection) throws SQLException {
        return queryInt(connection, "SELECT COALESCE(MAX(version), 0) FROM migrations");
    }

    static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
