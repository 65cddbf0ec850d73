package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.spi.store.CollectingBatch;
import org.tomprotocol.spi.store.Store;
import org.tomprotocol.store.sqlite.SqliteStoreProvider;

/** Senders writing at the same time share a flush, and each returns only once its own entry is durable. */
class GroupCommitTest {
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path directory;

    /** The SQLite store, whose first batch waits for {@code release}; records the size of every batch. */
    private static final class SlowFirstFlush implements AutoCloseable {
        final Store store;
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch firstFlushStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        SlowFirstFlush(Path directory) throws IOException {
            Store sqlite = new SqliteStoreProvider().open(directory);
            this.store = new ForwardingStore(sqlite) {
                @Override
                public Batch batch() {
                    return new CollectingBatch() {
                        @Override
                        protected void write(List<Change> changes) throws IOException {
                            if (batches.isEmpty()) {
                                firstFlushStarted.countDown();
                                await(release);
                            }
                            batches.add(changes.size());
                            Batch real = sqlite.batch();
                            for (Change change : changes) {
                                Put put = (Put) change;
                                real.put(put.namespace(), put.key(), put.value(), put.expiresAt());
                            }
                            real.commit();
                        }
                    };
                }
            };
        }

        @Override
        public void close() throws IOException {
            store.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void writersWaitingOnAFlushAreWrittenTogetherInTheNext() throws Exception {
        try (SlowFirstFlush slow = new SlowFirstFlush(directory)) {
            GroupCommit outbox = new GroupCommit(slow.store, "outbox");
            List<Thread> writers = new ArrayList<>();
            writers.add(Thread.ofPlatform().start(() -> put(outbox, "first")));
            await(slow.firstFlushStarted);
            for (int i = 0; i < 7; i++) {
                String key = "waiting-" + i;
                writers.add(Thread.ofPlatform().start(() -> put(outbox, key)));
            }
            // the seven wait for the flush in progress, their entries queued
            while (writers.subList(1, 8).stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
                Thread.onSpinWait();
            }
            slow.release.countDown();
            for (Thread writer : writers) {
                writer.join(30_000);
            }

            assertThat(slow.batches).containsExactly(1, 7);
            assertThat(slow.store.keys("outbox", Instant.EPOCH)).hasSize(8);
        }
    }

    @Test
    void aFailedFlushFailsEveryWriterItCarried() throws IOException {
        Store failing = new ForwardingStore(new SqliteStoreProvider().open(directory)) {
            @Override
            public void put(String namespace, String key, byte[] value, Instant expiresAt) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Batch batch() {
                return new CollectingBatch() {
                    @Override
                    protected void write(List<Change> changes) throws IOException {
                        throw new IOException("disk full");
                    }
                };
            }
        };
        GroupCommit outbox = new GroupCommit(failing, "outbox");

        assertThatThrownBy(() -> outbox.put("lost", new byte[] {1}, LATER)).isInstanceOf(IOException.class)
                .hasMessage("disk full");
        failing.close();
    }

    private static void put(GroupCommit outbox, String key) {
        try {
            outbox.put(key, new byte[] {1, 2, 3}, LATER);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
