package org.tomprotocol.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.spi.store.Store;

/** A store file of an older schema version is brought up to date, keeping what it holds, or not at all. */
class MigrationTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** The schema of version 1, as it was released: the entries table without the expiry index. */
    private static final String VERSION_1_TABLE = """
            CREATE TABLE entries (
                namespace      TEXT    NOT NULL,
                key            TEXT    NOT NULL,
                value          BLOB    NOT NULL,
                expires_second INTEGER NOT NULL,
                expires_nano   INTEGER NOT NULL,
                PRIMARY KEY (namespace, key)
            )""";

    @TempDir
    Path dir;

    @Test
    void aVersionOneFileIsMigratedKeepingItsEntries() throws Exception {
        Path file = versionOneFile();

        try (Store store = SqliteStore.open(dir)) {
            assertThat(store.get("messages", "live", NOW)).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2));
            assertThat(store.keys("messages", NOW)).containsExactly("live");
            assertThat(store.purgeExpired(NOW)).as("the expired entry of version 1").isEqualTo(1);
        }
        try (RawSqlite raw = new RawSqlite(file)) {
            assertThat(raw.number("PRAGMA user_version")).isEqualTo(Schema.latest()).isEqualTo(2);
            assertThat(raw.number("SELECT count(*) FROM sqlite_schema WHERE name = 'entries_by_expiry'")).isOne();
            assertThat(raw.number("PRAGMA application_id")).isEqualTo(Schema.APPLICATION_ID);
        }
    }

    @Test
    void aMigrationThatFailsLeavesTheFileAtItsVersionAndSaysWhy() throws Exception {
        Path file = versionOneFile();
        try (RawSqlite raw = new RawSqlite(file)) {
            // something in the way of migration 2
            raw.execute("CREATE TABLE entries_by_expiry (x)");
        }

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("store file " + file)
                .hasMessageContaining("entries_by_expiry");
        try (RawSqlite raw = new RawSqlite(file)) {
            assertThat(raw.number("PRAGMA user_version")).as("still version 1").isEqualTo(1);
            assertThat(raw.number("SELECT count(*) FROM entries")).as("nothing lost").isEqualTo(2);
        }
    }

    @Test
    void aFileAtTheLatestVersionIsOpenedAsItIs() throws Exception {
        try (Store store = SqliteStore.open(dir)) {
            store.put("messages", "m1", new byte[] {1}, NOW.plusSeconds(60));
        }
        Path file = dir.toAbsolutePath().resolve(StoreFile.NAME);
        long schemaCookie;
        try (RawSqlite raw = new RawSqlite(file)) {
            schemaCookie = raw.number("PRAGMA schema_version");
        }

        SqliteStore.open(dir).close();

        try (RawSqlite raw = new RawSqlite(file)) {
            assertThat(raw.number("PRAGMA schema_version")).as("no schema change").isEqualTo(schemaCookie);
        }
    }

    private Path versionOneFile() throws Exception {
        Path file = dir.toAbsolutePath().resolve(StoreFile.NAME);
        try (RawSqlite raw = new RawSqlite(file)) {
            raw.execute("PRAGMA journal_mode = WAL", "PRAGMA application_id = " + Schema.APPLICATION_ID,
                    VERSION_1_TABLE, "PRAGMA user_version = 1",
                    "INSERT INTO entries VALUES ('messages', 'live', x'0102', " + NOW.plusSeconds(60).getEpochSecond()
                            + ", 0)",
                    "INSERT INTO entries VALUES ('messages', 'old', x'03', " + NOW.minusSeconds(1).getEpochSecond()
                            + ", 0)");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
