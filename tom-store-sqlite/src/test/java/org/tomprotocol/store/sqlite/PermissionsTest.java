package org.tomprotocol.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.spi.store.Store;

/** As for the identity seed file: the store's directory, file and log are their owner's alone. */
class PermissionsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @BeforeEach
    void onlyOnPosixFileSystems() {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
    }

    @Test
    void aNewDataDirectoryIsTheOwnersAloneAndSoAreTheStoreFileAndItsLog() throws IOException {
        Path data = dir.resolve("node/data");

        try (Store store = SqliteStore.open(data)) {
            store.put("messages", "m1", new byte[] {1}, NOW.plusSeconds(60));

            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.getParent())).as("parents created too").isEqualTo("rwx------");
            assertThat(mode(data.resolve("tom.db"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve("tom.db-wal"))).isEqualTo("rw-------");
            try (var files = Files.list(data)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("the file and its log; no shared-memory index, since the file is locked for one process")
                        .containsExactlyInAnyOrder("tom.db", "tom.db-wal");
            }
        }
    }

    @Test
    void aStoreFileOthersMayReadIsRefusedWithTheChmodToRun() throws IOException {
        SqliteStore.open(dir).close();
        Path file = dir.toAbsolutePath().resolve("tom.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class)
                .hasMessage("store file " + file + " is readable by other users (mode rw-r--r--): run chmod 600 "
                        + file);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        SqliteStore.open(dir).close();
    }

    @Test
    void aStoreFileTheGroupMayWriteIsRefused() throws IOException {
        SqliteStore.open(dir).close();
        Files.setPosixFilePermissions(dir.resolve("tom.db"), PosixFilePermissions.fromString("rw--w----"));

        assertThatThrownBy(() -> SqliteStore.open(dir))
                .isInstanceOf(StoreFileException.class).hasMessageContaining("is writable by other users");
    }

    @Test
    void aDataDirectoryWithSpacesQuestionMarksAndAccentsIsUsedAsItIs() throws IOException {
        Path data = dir.resolve("my data?mode=memory#é");

        try (Store store = SqliteStore.open(data)) {
            store.put("messages", "m1", new byte[] {1}, NOW.plusSeconds(60));
        }

        assertThat(Files.size(data.resolve("tom.db"))).as("the entry is in the data directory's file").isPositive();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("and nothing beside that directory")
                    .containsExactly(data.getFileName().toString());
        }
        try (Store reopened = SqliteStore.open(data)) {
            assertThat(reopened.get("messages", "m1", NOW)).isPresent();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
