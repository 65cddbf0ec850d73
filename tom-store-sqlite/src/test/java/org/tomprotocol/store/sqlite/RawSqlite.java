package org.tomprotocol.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig;

/** A plain SQLite connection to a file, to make the files the tests need and look inside the store's. */
final class RawSqlite implements AutoCloseable {
    private final Connection connection;

    RawSqlite(Path file) throws SQLException {
        connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toUri());
    }

    RawSqlite execute(String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return this;
    }

    long number(String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            return row.next() ? row.getLong(1) : -1;
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
