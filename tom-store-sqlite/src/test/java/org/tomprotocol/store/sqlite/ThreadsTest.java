package org.tomprotocol.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.spi.store.Store;

/** The documented rule: any thread may call the store; calls run one at a time on its one connection. */
class ThreadsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final int THREADS = 4;
    private static final int ROUNDS = 50;

    @TempDir
    Path dir;

    @Test
    void callsFromManyThreadsAtOnceLoseNothingAndNeverFailBusy() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Store store = SqliteStore.open(dir)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String namespace = "thread-" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        store.put(namespace, "single-" + i, value(i), NOW.plusSeconds(60));
                        store.batch().put(namespace, "batched-" + i, value(i), NOW.plusSeconds(60))
                                .put(namespace, "doomed-" + i, value(i), NOW.plusSeconds(60)).commit();
                        assertThat(store.remove(namespace, "doomed-" + i)).isTrue();
                        assertThat(store.get(namespace, "single-" + i, NOW)).hasValue(value(i));
                        store.keys(namespace, NOW);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : done) {
                thread.get(2, TimeUnit.MINUTES);
            }

            for (int t = 0; t < THREADS; t++) {
                assertThat(store.keys("thread-" + t, NOW)).as("thread %d's entries", t).hasSize(2 * ROUNDS)
                        .noneMatch(key -> key.startsWith("doomed-"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallAfterCloseFailsNamingTheStoreAndASecondCloseDoesNothing() throws IOException {
        Store store = SqliteStore.open(dir);
        store.close();

        assertThatThrownBy(() -> store.get("messages", "m1", NOW))
                .isInstanceOf(IOException.class).hasMessageContaining("is closed")
                .hasMessageContaining(dir.toAbsolutePath().resolve(StoreFile.NAME).toString());
        assertThatThrownBy(() -> store.batch().put("messages", "m1", value(1), NOW).commit())
                .isInstanceOf(IOException.class).hasMessageContaining("is closed");
        store.close();
    }

    @Test
    void aBatchIsCommittedOnce() throws IOException {
        try (Store store = SqliteStore.open(dir)) {
            Store.Batch batch = store.batch().put("messages", "m1", value(1), NOW.plusSeconds(60));
            batch.commit();

            assertThatThrownBy(batch::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> batch.put("messages", "m2", value(2), NOW))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static byte[] value(int i) {
        byte[] value = new byte[256];
        value[0] = (byte) i;
        value[255] = (byte) (i >> 8);
        return value;
    }
}
