package org.tomprotocol.store.sqlite;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a ToM store, their version and how a file of an older version is brought up to date.
 *
 * <p>A ToM store carries {@link #APPLICATION_ID} in its header ({@code PRAGMA application_id}) and its schema version
 * in {@code PRAGMA user_version}. Migration {@code n} takes a file from version {@code n - 1} to {@code n}; they run
 * in order, all in one transaction with the new version number, so a crash leaves the old version or the new one.
 * A file that is empty of tables and unmarked becomes a store; any other file is refused untouched.
 */
final class Schema {
    /** "ToMS": the mark of a ToM store in the SQLite header. */
    static final int APPLICATION_ID = 0x546F4D53;

    private static final System.Logger LOG = System.getLogger(Schema.class.getName());

    /** Migration {@code i + 1} is {@code MIGRATIONS.get(i)}: append new ones, never change a released one. */
    private static final List<List<String>> MIGRATIONS = List.of(
            // 1: the entries, keyed by namespace and key; the expiry as seconds and nanoseconds since the epoch,
            // compared as a pair, so any Instant's order is kept exactly
            List.of("""
                    CREATE TABLE entries (
                        namespace      TEXT    NOT NULL,
                        key            TEXT    NOT NULL,
                        value          BLOB    NOT NULL,
                        expires_second INTEGER NOT NULL,
                        expires_nano   INTEGER NOT NULL,
                        PRIMARY KEY (namespace, key)
                    )"""),
            // 2: purges and expiry checks find expired entries without reading every row
            List.of("CREATE INDEX entries_by_expiry ON entries (expires_second, expires_nano)"));

    private Schema() {
    }

    /** The version this code writes. */
    static int latest() {
        return MIGRATIONS.size();
    }

    /** What is in a database file, read from its header and catalogue; reads only. */
    record Found(int applicationId, int version, int objects) {
        static Found in(Connection connection) throws SQLException {
            return new Found(intPragma(connection, "application_id"), intPragma(connection, "user_version"),
                    count(connection, "SELECT count(*) FROM sqlite_schema"));
        }

        boolean empty() {
            return applicationId == 0 && objects == 0;
        }
    }

    /** Refuses a file that is not a ToM store, or of a version this code does not know; reads only. */
    static Found check(Path file, Connection connection) throws SQLException, StoreFileException {
        Found found = Found.in(connection);
        if (found.empty()) {
            return found;
        }
        if (found.applicationId() != APPLICATION_ID) {
            throw new StoreFileException("store file " + file + " is a SQLite database of another application"
                    + " (application id " + Integer.toHexString(found.applicationId()) + ", " + found.objects()
                    + " tables and indexes), not a ToM store: it was left untouched; move it away (a new store is then"
                    + " created) or give the node another data directory");
        }
        if (found.version() > latest() || found.version() < 0) {
            throw new StoreFileException("store file " + file + " has schema version " + found.version()
                    + ", but this ToM knows versions up to " + latest() + ": it was written by a newer ToM; run that"
                    + " version, or move the file away to start an empty store");
        }
        return found;
    }

    /** Brings a checked file to the latest version: creates the tables of an empty one. */
    static void migrate(Path file, Connection connection, Found found) throws SQLException {
        if (found.version() == latest() && !found.empty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                if (found.empty()) {
                    statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                }
                for (int version = found.version() + 1; version <= latest(); version++) {
                    for (String sql : MIGRATIONS.get(version - 1)) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version = " + latest());
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollBack(statement, e);
                throw e;
            }
        }
        if (found.empty()) {
            LOG.log(Level.INFO, "created store file {0} (schema version {1})", file, latest());
        } else {
            LOG.log(Level.INFO, "migrated store file {0} from schema version {1} to {2}", file, found.version(),
                    latest());
        }
    }

    private static void rollBack(Statement statement, Exception failure) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static int intPragma(Connection connection, String pragma) throws SQLException {
        return count(connection, "PRAGMA " + pragma);
    }

    private static int count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
