package org.tomprotocol.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.spi.store.Store;

/**
 * A file that is not this store's, or that it cannot use, stops {@code open} with an error naming the file and what
 * to do, and is left byte for byte as it was: never deleted, never rewritten, never a crash.
 */
class StoreFileErrorsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.toAbsolutePath().resolve(StoreFile.NAME);
    }

    @Test
    void aFileThatIsNotASqliteDatabaseIsRefusedNamingItAndLeftUntouched() throws IOException {
        byte[] junk = new byte[8192];
        new Random(1).nextBytes(junk);
        writeOwnerOnly(file(), junk);

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class)
                .hasMessageContaining("store file " + file())
                .hasMessageContaining("is not a SQLite database")
                .hasMessageContaining("move it away");
        assertThat(Files.readAllBytes(file())).as("left untouched").isEqualTo(junk);
        assertThat(Files.exists(dir.resolve(StoreFile.NAME + "-wal"))).as("no log started beside it").isFalse();
    }

    @Test
    void aShortFileOfTextIsRefusedToo() throws IOException {
        writeOwnerOnly(file(), "not a database\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class).hasMessageContaining("is not a SQLite database");
        assertThat(Files.readString(file())).isEqualTo("not a database\n");
    }

    @Test
    void aSqliteDatabaseOfAnotherApplicationIsRefusedAndLeftUntouched() throws Exception {
        try (RawSqlite raw = new RawSqlite(file())) {
            raw.execute("CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('alice')");
        }
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class)
                .hasMessageContaining("store file " + file())
                .hasMessageContaining("of another application")
                .hasMessageContaining("not a ToM store");
        assertThat(Files.readAllBytes(file())).as("left untouched").isEqualTo(before);
    }

    @Test
    void aSqliteDatabaseMarkedByAnotherApplicationIsRefusedEvenWithoutTables() throws Exception {
        try (RawSqlite raw = new RawSqlite(file())) {
            raw.execute("PRAGMA application_id = 1234");
        }
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class).hasMessageContaining("application id 4d2");
    }

    @Test
    void aDamagedStoreIsRefusedNamingTheFileAndLeftUntouched() throws Exception {
        try (Store store = SqliteStore.open(dir)) {
            for (int i = 0; i < 200; i++) {
                store.put("messages", "m" + i, new byte[1024], NOW.plusSeconds(60));
            }
        }
        byte[] damaged = Files.readAllBytes(file());
        assertThat(damaged.length).as("the store's pages are in the file after close").isGreaterThan(20 * 4096);
        // the pages after the header page: the table and its index, overwritten as a bad disk would
        Arrays.fill(damaged, 4096, 20 * 4096, (byte) 0x5a);
        Files.write(file(), damaged);

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class)
                .hasMessageContaining("store file " + file())
                .hasMessageContaining("damaged")
                .hasMessageContaining("restore");
        assertThat(Files.readAllBytes(file())).as("left untouched").isEqualTo(damaged);
    }

    @Test
    void aStoreOfANewerSchemaVersionIsRefusedNamingBothVersions() throws Exception {
        SqliteStore.open(dir).close();
        try (RawSqlite raw = new RawSqlite(file())) {
            raw.execute("PRAGMA user_version = 99");
        }

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class)
                .hasMessageContaining("store file " + file())
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("versions up to " + Schema.latest())
                .hasMessageContaining("newer ToM");
    }

    @Test
    void aStoreOpenInAnotherStoreIsRefusedUntilThatOneCloses() throws IOException {
        Store first = SqliteStore.open(dir);
        first.put("messages", "m1", new byte[] {1}, NOW.plusSeconds(60));
        first.close();
        Store reopened = SqliteStore.open(dir);

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class)
                .hasMessageContaining("store file " + file())
                .hasMessageContaining("open in another node or process");
        reopened.put("messages", "m2", new byte[] {2}, NOW.plusSeconds(60));

        reopened.close();
        try (Store third = SqliteStore.open(dir)) {
            assertThat(third.keys("messages", NOW)).containsExactly("m1", "m2");
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefusedNamingIt() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("data"), "a file");

        assertThatThrownBy(() -> SqliteStore.open(notADirectory))
                .isInstanceOf(StoreFileException.class)
                .hasMessageStartingWith("data directory " + notADirectory.toAbsolutePath() + " cannot be created: ")
                .hasMessageEndingWith("give the node a directory for its data");
        assertThatThrownBy(() -> SqliteStore.open(notADirectory.resolve("node")))
                .as("a file where a parent should be")
                .isInstanceOf(StoreFileException.class)
                .hasMessageStartingWith("data directory " + notADirectory.toAbsolutePath().resolve("node"))
                .hasMessageEndingWith("give the node a directory for its data");
        assertThat(Files.readString(notADirectory)).isEqualTo("a file");
    }

    @Test
    void anEmptyFileBecomesAStore() throws IOException {
        writeOwnerOnly(file(), new byte[0]);

        try (Store store = SqliteStore.open(dir)) {
            store.put("messages", "m1", new byte[] {1}, NOW.plusSeconds(60));
            assertThat(store.get("messages", "m1", NOW)).isPresent();
        }
    }

    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, bytes);
    }
}
