package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.api.IdentityException;
import org.tomprotocol.spi.crypto.StoredIdentity;

class SeedFileTest {
    private final TomV1Suite suite = new TomV1Suite();

    @TempDir
    Path dir;

    @BeforeEach
    void onlyOnPosixFileSystems() {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
    }

    @Test
    void createsA32ByteOwnerOnlyFileInNewDirectoriesAndReloadsTheSameIdentity() throws IOException {
        Path file = dir.resolve("a/b/node.seed");

        StoredIdentity created = suite.loadOrCreateIdentity(file);

        assertThat(created.created()).isTrue();
        assertThat(created.seedFile()).isEqualTo(file.toAbsolutePath());
        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).as("no temporary file is left").containsExactly(file);
        }

        StoredIdentity loaded = suite.loadOrCreateIdentity(file);
        assertThat(loaded.created()).isFalse();
        assertThat(loaded.identity().id()).isEqualTo(created.identity().id());
        assertThat(suite.identityFromSeed(Files.readAllBytes(file)).id()).isEqualTo(created.identity().id());
    }

    @Test
    void aFileOfTheWrongSizeIsRefusedWithTheFix() throws IOException {
        Path file = dir.resolve("node.seed");
        Files.write(file, new byte[33]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> suite.loadOrCreateIdentity(file))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("33 bytes")
                .hasMessageContaining("exactly 32 bytes");
        assertThat(Files.size(file)).as("the file is left alone").isEqualTo(33);
    }

    @Test
    void aFileReadableByOthersIsRefusedWithTheChmodToRun() throws IOException {
        Path file = dir.resolve("node.seed");
        suite.loadOrCreateIdentity(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> suite.loadOrCreateIdentity(file))
                .isInstanceOf(IdentityException.class)
                .hasMessage("identity file " + file + " is readable by other users (mode rw-r--r--): run chmod 600 "
                        + file);
    }

    @Test
    void aFileWritableByTheGroupIsRefused() throws IOException {
        Path file = dir.resolve("node.seed");
        suite.loadOrCreateIdentity(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));

        assertThatThrownBy(() -> suite.loadOrCreateIdentity(file))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("is writable by other users (mode rw--w----)")
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsRefused() throws IOException {
        Path file = Files.createDirectory(dir.resolve("node.seed"));
        assertThatThrownBy(() -> suite.loadOrCreateIdentity(file))
                .isInstanceOf(IdentityException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void concurrentCreatorsAllEndUpWithOneIdentity() throws Exception {
        Path file = dir.resolve("race/node.seed");
        int creators = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        try {
            List<Future<StoredIdentity>> results = new ArrayList<>();
            for (int i = 0; i < creators; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return suite.loadOrCreateIdentity(file);
                }));
            }
            start.countDown();
            List<StoredIdentity> identities = new ArrayList<>();
            for (Future<StoredIdentity> result : results) {
                identities.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(identities).extracting(s -> s.identity().id()).containsOnly(identities.get(0).identity().id());
            assertThat(identities).filteredOn(StoredIdentity::created).hasSize(1);
            try (var files = Files.list(file.getParent())) {
                assertThat(files).containsExactly(file);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neitherToStringNorErrorsShowTheSeed() throws IOException {
        Path file = dir.resolve("node.seed");
        StoredIdentity stored = suite.loadOrCreateIdentity(file);
        String seedHex = HexFormat.of().formatHex(Files.readAllBytes(file));

        assertThat(stored.toString()).doesNotContainIgnoringCase(seedHex).contains(stored.identity().id().toHex());
        assertThat(stored.identity().toString()).isEqualTo("LocalIdentity[" + stored.identity().id().toHex() + "]");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> suite.loadOrCreateIdentity(file))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("readable and writable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(seedHex));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, HexFormat.of().parseHex(seedHex + "00"));
        assertThatThrownBy(() -> suite.loadOrCreateIdentity(file))
                .isInstanceOf(IdentityException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(seedHex));
    }
}
