package org.tomprotocol.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The prepared statements of the {@code entries} table on the store's one connection. Not thread-safe: its store
 * calls it under its lock. An expiry is compared as the pair (seconds, nanoseconds): an entry is live at {@code now}
 * when {@code now} is before its expiry.
 */
final class EntryTable implements AutoCloseable {
    private static final String LIVE = "(expires_second, expires_nano) > (?, ?)";

    private final PreparedStatement put;
    private final PreparedStatement get;
    private final PreparedStatement remove;
    private final PreparedStatement keys;
    private final PreparedStatement purge;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;

    EntryTable(Connection connection) throws SQLException {
        put = connection.prepareStatement("""
                INSERT INTO entries (namespace, key, value, expires_second, expires_nano) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value,
                    expires_second = excluded.expires_second, expires_nano = excluded.expires_nano""");
        get = connection.prepareStatement("SELECT value FROM entries WHERE namespace = ? AND key = ? AND " + LIVE);
        remove = connection.prepareStatement("DELETE FROM entries WHERE namespace = ? AND key = ?");
        keys = connection.prepareStatement("SELECT key FROM entries WHERE namespace = ? AND " + LIVE + " ORDER BY key");
        purge = connection.prepareStatement("DELETE FROM entries WHERE (expires_second, expires_nano) <= (?, ?)");
        // one writer on a file locked for this connection alone: IMMEDIATE takes the write lock at once
        begin = connection.prepareStatement("BEGIN IMMEDIATE");
        commit = connection.prepareStatement("COMMIT");
        rollback = connection.prepareStatement("ROLLBACK");
    }

    void put(String namespace, String key, byte[] value, Instant expiresAt) throws SQLException {
        put.setString(1, namespace);
        put.setString(2, key);
        put.setBytes(3, value);
        put.setLong(4, expiresAt.getEpochSecond());
        put.setInt(5, expiresAt.getNano());
        put.executeUpdate();
    }

    Optional<byte[]> get(String namespace, String key, Instant now) throws SQLException {
        get.setString(1, namespace);
        get.setString(2, key);
        setTime(get, 3, now);
        try (ResultSet row = get.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            byte[] value = row.getBytes(1);
            return Optional.of(value == null ? new byte[0] : value);
        }
    }

    boolean remove(String namespace, String key) throws SQLException {
        remove.setString(1, namespace);
        remove.setString(2, key);
        return remove.executeUpdate() > 0;
    }

    List<String> keys(String namespace, Instant now) throws SQLException {
        keys.setString(1, namespace);
        setTime(keys, 2, now);
        List<String> found = new ArrayList<>();
        try (ResultSet rows = keys.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    int purge(Instant now) throws SQLException {
        setTime(purge, 1, now);
        return purge.executeUpdate();
    }

    void begin() throws SQLException {
        begin.execute();
    }

    void commit() throws SQLException {
        commit.execute();
    }

    void rollback() throws SQLException {
        rollback.execute();
    }

    private static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setLong(index, time.getEpochSecond());
        statement.setInt(index + 1, time.getNano());
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : List.of(put, get, remove, keys, purge, begin, commit, rollback)) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
