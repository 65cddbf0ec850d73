package org.tomprotocol.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.Api;
import org.tomprotocol.spi.store.Store;
import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.tck.internal.Directories;

/**
 * The contracts of {@link Store}: values live until their expiry and never after it (lock 2: the engine never
 * asks for more than 24 hours), a purge deletes for good, entries survive a restart, namespaces and keys are
 * independent and never become file names that escape the store's directory; a batch writes nothing before its
 * commit, then all of its changes, in order, durably. Time is always passed explicitly: no check reads a clock.
 * Extend it with a test class that names the provider:
 *
 * <pre>{@code
 * class SqliteStoreTckTest extends StoreTck {
 *     protected StoreProvider provider() { return new SqliteStoreProvider(); }
 * }
 * }</pre>
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public abstract class StoreTck extends ProviderTck<StoreProvider> {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final List<Store> opened = new ArrayList<>();
    private Path base;

    @AfterEach
    public final void closeStoresAndDeleteTheirDirectories() throws IOException {
        for (Store store : opened) {
            try {
                store.close();
            } catch (IOException | RuntimeException e) {
                // closed already, or broken: the check said so
            }
        }
        if (base != null) {
            Directories.deleteRecursively(base);
        }
    }

    @Test
    public void aValueIsReadUntilItsExpiryAndNeverAfter() throws IOException {
        Store store = open(directory());
        store.put("messages", "m1", bytes("sealed"), NOW.plusSeconds(10));

        assertArrayEquals(bytes("sealed"), value(store.get("messages", "m1", NOW)), "read before its expiry");
        assertArrayEquals(bytes("sealed"), value(store.get("messages", "m1", NOW.plusMillis(9_999))),
                "read a millisecond before its expiry");
        assertTrue(store.get("messages", "m1", NOW.plusSeconds(10)).isEmpty(), "gone at its expiry");
        assertTrue(store.get("messages", "m1", NOW.plus(DAY)).isEmpty(), "gone after its expiry");
        assertTrue(store.get("messages", "never-put", NOW).isEmpty(), "absent when never stored");
    }

    @Test
    public void putReplacesTheValueAndItsExpiry() throws IOException {
        Store store = open(directory());
        store.put("messages", "m1", bytes("first"), NOW.plus(DAY));

        store.put("messages", "m1", bytes("second"), NOW.plusSeconds(10));

        assertArrayEquals(bytes("second"), value(store.get("messages", "m1", NOW)), "the second value");
        assertTrue(store.get("messages", "m1", NOW.plusSeconds(20)).isEmpty(), "the second expiry");
        assertEquals(List.of("m1"), store.keys("messages", NOW), "one entry, not two");
    }

    @Test
    public void namespacesAndKeysAreIndependent() throws IOException {
        Store store = open(directory());
        List<String[]> entries = List.of(new String[] {"a", "bc"}, new String[] {"ab", "c"},
                new String[] {"a/b", "c"}, new String[] {"a", "b/c"}, new String[] {"é ü", "中文 key"},
                new String[] {"A", "BC"}, new String[] {"a.b", "c"}, new String[] {"a", "b.c"});
        for (String[] entry : entries) {
            store.put(entry[0], entry[1], bytes(entry[0] + "|" + entry[1]), NOW.plus(DAY));
        }

        for (String[] entry : entries) {
            assertArrayEquals(bytes(entry[0] + "|" + entry[1]), value(store.get(entry[0], entry[1], NOW)),
                    () -> "namespace '" + entry[0] + "', key '" + entry[1] + "' holds its own value");
        }
        assertEquals(new TreeSet<>(List.of("bc", "b/c", "b.c")), new TreeSet<>(store.keys("a", NOW)),
                "keys of namespace 'a' only");
    }

    @Test
    public void keysListsOnlyTheUnexpiredEntriesOfTheNamespace() throws IOException {
        Store store = open(directory());
        store.put("messages", "old", bytes("x"), NOW.plusSeconds(1));
        store.put("messages", "new", bytes("y"), NOW.plus(DAY));
        store.put("receipts", "other", bytes("z"), NOW.plus(DAY));

        assertEquals(new TreeSet<>(List.of("old", "new")), new TreeSet<>(store.keys("messages", NOW)));
        assertEquals(List.of("new"), store.keys("messages", NOW.plusSeconds(5)), "expired entries are not listed");
        assertEquals(List.of(), store.keys("nothing-here", NOW), "an unknown namespace has no keys");
    }

    @Test
    public void purgeDeletesEveryExpiredEntryForGood() throws IOException {
        Path directory = directory();
        Store store = open(directory);
        store.put("messages", "m1", bytes("one"), NOW.plusSeconds(1));
        store.put("receipts", "r1", bytes("two"), NOW.plusSeconds(2));
        store.put("messages", "m2", bytes("kept"), NOW.plus(DAY));

        assertEquals(2, store.purgeExpired(NOW.plusSeconds(5)), "purge counts what it deleted");

        // asked as of a time before the expiry, a purged entry must still be gone: deleted, not hidden
        assertTrue(store.get("messages", "m1", NOW).isEmpty(), "a purged entry is gone");
        assertTrue(store.get("receipts", "r1", NOW).isEmpty(), "a purged entry is gone");
        assertEquals(List.of("m2"), store.keys("messages", NOW));
        assertEquals(0, store.purgeExpired(NOW.plusSeconds(5)), "nothing left to purge");
        store.close();
        Store reopened = open(directory);
        assertTrue(reopened.get("messages", "m1", NOW).isEmpty(), "a purged entry stays gone after a restart");
        assertArrayEquals(bytes("kept"), value(reopened.get("messages", "m2", NOW)), "the unexpired entry stays");
    }

    @Test
    public void entriesSurviveCloseAndReopen() throws IOException {
        Path directory = directory();
        Store store = open(directory);
        store.put("messages", "m1", bytes("durable"), NOW.plus(DAY));
        store.put("messages", "gone", bytes("removed"), NOW.plus(DAY));
        store.remove("messages", "gone");
        store.close();

        Store reopened = open(directory);

        assertArrayEquals(bytes("durable"), value(reopened.get("messages", "m1", NOW)), "kept across a restart");
        assertTrue(reopened.get("messages", "gone", NOW).isEmpty(), "a removal is kept across a restart");
        assertTrue(reopened.get("messages", "m1", NOW.plus(DAY)).isEmpty(), "and so is the expiry");
    }

    @Test
    public void removeSaysWhetherTheEntryExisted() throws IOException {
        Store store = open(directory());
        store.put("messages", "m1", bytes("x"), NOW.plus(DAY));

        assertTrue(store.remove("messages", "m1"), "removing an entry that exists");
        assertTrue(store.get("messages", "m1", NOW).isEmpty(), "removed");
        assertFalse(store.remove("messages", "m1"), "removing it again");
        assertFalse(store.remove("messages", "never-put"), "removing what was never stored");
    }

    @Test
    public void valuesAreCopiedInAndOut() throws IOException {
        Store store = open(directory());
        byte[] given = bytes("original");
        store.put("messages", "m1", given, NOW.plus(DAY));
        given[0] = 'X';

        byte[] read = value(store.get("messages", "m1", NOW));
        read[1] = 'Y';

        assertArrayEquals(bytes("original"), value(store.get("messages", "m1", NOW)),
                "neither the caller's array nor the returned one is the stored value");
    }

    @Test
    public void emptyAndLargeValuesAreKeptWhole() throws IOException {
        Store store = open(directory());
        byte[] large = new byte[1 << 20];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + 7);
        }
        store.put("messages", "empty", new byte[0], NOW.plus(DAY));
        store.put("messages", "large", large, NOW.plus(DAY));

        assertArrayEquals(new byte[0], value(store.get("messages", "empty", NOW)), "an empty value");
        assertArrayEquals(large, value(store.get("messages", "large", NOW)), "a 1 MiB value, byte for byte");
    }

    @Test
    public void namespacesAndKeysNeverEscapeTheStoresDirectory() throws IOException {
        Path directory = directory();
        Store store = open(directory);
        for (String name : List.of("..", "../tck", "a\\..\\b", ".")) {
            assertDoesNotThrow(() -> store.put(name, "../escaped", bytes("x"), NOW.plus(DAY)),
                    () -> "a store takes any namespace: '" + name + "'");
            assertDoesNotThrow(() -> store.put("messages", name, bytes("y"), NOW.plus(DAY)),
                    () -> "a store takes any key: '" + name + "'");
        }

        try (var listing = Files.list(base)) {
            assertEquals(List.of(directory.getFileName().toString()),
                    listing.map(path -> path.getFileName().toString()).sorted().toList(),
                    "nothing written beside the store's directory");
        }
        assertArrayEquals(bytes("x"), value(store.get("../tck", "../escaped", NOW)), "such names are still usable");
    }

    @Test
    public void openCreatesTheDirectoryIfNeeded() throws IOException {
        Path nested = directory().resolve("not").resolve("there").resolve("yet");

        Store store = open(nested);
        store.put("messages", "m1", bytes("x"), NOW.plus(DAY));

        assertArrayEquals(bytes("x"), value(store.get("messages", "m1", NOW)));
    }

    @Test
    public void aBatchIsInvisibleUntilItsCommit() throws IOException {
        Store store = open(directory());
        store.put("messages", "m0", bytes("before"), NOW.plus(DAY));

        Store.Batch batch = store.batch();
        batch.put("messages", "m1", bytes("one"), NOW.plus(DAY)).put("messages", "m2", bytes("two"), NOW.plus(DAY))
                .remove("messages", "m0");

        assertTrue(store.get("messages", "m1", NOW).isEmpty(), "a batch's put is not there before its commit");
        assertArrayEquals(bytes("before"), value(store.get("messages", "m0", NOW)),
                "a batch's remove has not happened before its commit");
        batch.commit();
        assertArrayEquals(bytes("one"), value(store.get("messages", "m1", NOW)), "committed");
        assertArrayEquals(bytes("two"), value(store.get("messages", "m2", NOW)), "committed");
        assertTrue(store.get("messages", "m0", NOW).isEmpty(), "the batch's remove happened at its commit");
    }

    @Test
    public void aCommittedBatchIsWholeAfterCloseAndReopen() throws IOException {
        Path directory = directory();
        Store store = open(directory);
        store.put("messages", "gone", bytes("removed by the batch"), NOW.plus(DAY));
        Store.Batch batch = store.batch();
        TreeSet<String> keys = new TreeSet<>();
        for (int i = 0; i < 100; i++) {
            batch.put("messages", "m" + i, bytes("value " + i), NOW.plus(DAY));
            keys.add("m" + i);
        }
        batch.remove("messages", "gone");
        batch.commit();
        store.close();

        Store reopened = open(directory);

        assertEquals(keys, new TreeSet<>(reopened.keys("messages", NOW)), "every entry of the batch, and no other");
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(bytes("value " + i), value(reopened.get("messages", "m" + i, NOW)), "kept whole");
        }
        assertTrue(reopened.get("messages", "gone", NOW).isEmpty(), "the batch's remove is kept across a restart");
    }

    @Test
    public void aBatchAppliesItsChangesInOrder() throws IOException {
        Store store = open(directory());
        store.put("messages", "b", bytes("old"), NOW.plus(DAY));

        store.batch()
                .put("messages", "a", bytes("1"), NOW.plus(DAY)).put("messages", "a", bytes("2"), NOW.plus(DAY))
                .remove("messages", "b").put("messages", "b", bytes("3"), NOW.plus(DAY))
                .put("messages", "c", bytes("x"), NOW.plus(DAY)).remove("messages", "c")
                .put("messages", "d", bytes("4"), NOW.plusSeconds(1))
                .commit();

        assertArrayEquals(bytes("2"), value(store.get("messages", "a", NOW)), "the later of two puts wins");
        assertArrayEquals(bytes("3"), value(store.get("messages", "b", NOW)), "a put after a remove stays");
        assertTrue(store.get("messages", "c", NOW).isEmpty(), "a remove after a put removes it");
        assertArrayEquals(bytes("4"), value(store.get("messages", "d", NOW)), "read before its expiry");
        assertTrue(store.get("messages", "d", NOW.plusSeconds(1)).isEmpty(), "a batch's put keeps its expiry");
    }

    @Test
    public void aBatchCopiesEachValueWhenItIsAdded() throws IOException {
        Store store = open(directory());
        byte[] given = bytes("original");
        Store.Batch batch = store.batch().put("messages", "m1", given, NOW.plus(DAY));
        given[0] = 'X';

        batch.commit();

        assertArrayEquals(bytes("original"), value(store.get("messages", "m1", NOW)),
                "the value as it was when added to the batch, not as the caller changed it before the commit");
    }

    /** A directory for a store, not created: {@code open} creates it. */
    private Path directory() throws IOException {
        if (base == null) {
            base = Files.createTempDirectory("tom-tck-store-");
        }
        return base.resolve("store");
    }

    private Store open(Path directory) {
        Store store = assertDoesNotThrow(() -> underTest().open(directory), () -> "open(" + directory + ") failed");
        assertNotNull(store, "open returned null");
        opened.add(store);
        return store;
    }

    private static byte[] value(Optional<byte[]> read) {
        assertNotNull(read, "get returned null instead of an Optional");
        assertTrue(read.isPresent(), "the value is missing");
        return read.get();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
