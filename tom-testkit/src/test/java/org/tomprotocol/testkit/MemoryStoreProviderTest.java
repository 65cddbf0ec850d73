package org.tomprotocol.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.spi.store.Store;

/**
 * The memory store keeps a directory's entries for the next node opened on it, and tells a simulation what every
 * node holds. (The store suite itself runs on it in tom-tck: {@code MemoryStoreTckTest}.)
 */
class MemoryStoreProviderTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant DAY_LATER = NOW.plus(Duration.ofHours(24));

    @TempDir
    Path dirs;

    @Test
    void aStoreOpenedAgainOnTheSameDirectoryFindsItsEntriesAndAnotherDirectoryDoesNot() throws IOException {
        MemoryStoreProvider provider = new MemoryStoreProvider();
        Store first = provider.open(dirs.resolve("alice"));
        first.put("outbox", "m1", new byte[] {1, 2, 3}, DAY_LATER);
        first.close();

        try (Store again = provider.open(dirs.resolve("alice/../alice")); Store other = provider.open(dirs.resolve("bob"))) {
            assertThat(again.get("outbox", "m1", NOW)).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
            assertThat(other.keys("outbox", NOW)).isEmpty();
        }
        assertThat(new MemoryStoreProvider().open(dirs.resolve("alice")).keys("outbox", NOW))
                .as("another provider is another simulation").isEmpty();
    }

    @Test
    void aDirectoryIsOpenOnceAtATimeAndAClosedStoreRefusesCalls() throws IOException {
        MemoryStoreProvider provider = new MemoryStoreProvider();
        Store open = provider.open(dirs.resolve("alice"));

        assertThatThrownBy(() -> provider.open(dirs.resolve("alice"))).isInstanceOf(IOException.class)
                .hasMessageContaining("open already");
        open.close();
        assertThatThrownBy(() -> open.put("outbox", "m1", new byte[1], DAY_LATER)).isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
        provider.open(dirs.resolve("alice")).close();
    }

    @Test
    void theProviderCountsBytesByNamespaceHoldersAndPurgesEveryDirectory() throws IOException {
        MemoryStoreProvider provider = new MemoryStoreProvider();
        try (Store alice = provider.open(dirs.resolve("alice")); Store bob = provider.open(dirs.resolve("bob"))) {
            alice.put("outbox", "m1", new byte[10], NOW.plusSeconds(60));
            bob.put("outbox", "m1", new byte[10], NOW.plusSeconds(60));
            bob.put("peers", "p", new byte[4], DAY_LATER);

            assertThat(provider.bytesByNamespace()).isEqualTo(Map.of("outbox", 2L * (6 + 2 + 10), "peers", 5L + 1 + 4));
            assertThat(provider.holders("outbox", "m1", NOW)).isEqualTo(2);
            assertThat(provider.holders("outbox", "m1", NOW.plusSeconds(60))).as("expired").isZero();

            assertThat(provider.purgeExpired(NOW.plusSeconds(60))).isEqualTo(2);
            assertThat(provider.bytesByNamespace()).isEqualTo(Map.of("peers", 10L));
        }
    }
}
