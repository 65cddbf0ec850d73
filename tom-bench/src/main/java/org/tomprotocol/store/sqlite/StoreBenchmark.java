package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tomprotocol.spi.store.Store;

/**
 * What keeping a 1 KiB entry costs: in the SQLite store, as single puts (one transaction and one flush to disk each)
 * and in batches of 16 and 128 (one of each per batch), against a map in memory, as a node keeps its state today.
 * The same puts with {@code synchronous=OFF} (no flush; not what the store does) tell what the flush itself costs.
 * Keys cycle over 4096 per store, so the table stays the size of a busy outbox. Times are per entry.
 *
 * <p>The store's directory is under {@code target/} (or {@code -Dtom.bench.dir}): on the disk being measured, never
 * a memory file system, where a flush costs nothing.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBenchmark {
    static final int ENTRY_BYTES = 1024;
    private static final int KEYS = 4096;
    private static final Instant EXPIRY = Instant.parse("2100-01-01T00:00:00Z");

    /** A store in a directory of its own, and the next key. */
    abstract static class Opened {
        Store store;
        Path directory;
        byte[] value;
        int next;

        abstract Store open(Path directory) throws IOException;

        @Setup(Level.Trial)
        public void open() throws IOException {
            Path base = Path.of(System.getProperty("tom.bench.dir", "target"));
            directory = Files.createTempDirectory(Files.createDirectories(base), "store-bench-");
            store = open(directory);
            value = new byte[ENTRY_BYTES];
            new SplittableRandom(7).nextBytes(value);
        }

        String nextKey() {
            next = (next + 1) % KEYS;
            return Integer.toString(next);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            store.close();
            deleteRecursively(directory);
        }
    }

    /** The SQLite store as the provider opens it: every commit flushed. */
    @State(Scope.Thread)
    public static class Durable extends Opened {
        @Override
        Store open(Path directory) throws IOException {
            return SqliteStore.open(directory, SqliteStore.Sync.FULL);
        }
    }

    /** The same, never flushed: the difference is the flush. */
    @State(Scope.Thread)
    public static class Unflushed extends Opened {
        @Override
        Store open(Path directory) throws IOException {
            return SqliteStore.open(directory, SqliteStore.Sync.OFF);
        }
    }

    /** A map in memory, kept as a node keeps its state today. */
    @State(Scope.Thread)
    public static class InMemory extends Opened {
        final ConcurrentHashMap<String, Kept> entries = new ConcurrentHashMap<>();

        record Kept(byte[] value, Instant expiresAt) {
        }

        @Override
        Store open(Path directory) {
            return null;
        }

        @Override
        public void close() throws IOException {
            deleteRecursively(directory);
        }
    }

    @Benchmark
    public Object inMemoryPut(InMemory memory) {
        return memory.entries.put("outbox\0" + memory.nextKey(), new InMemory.Kept(memory.value.clone(), EXPIRY));
    }

    @Benchmark
    public void sqlitePut(Durable durable) throws IOException {
        durable.store.put("outbox", durable.nextKey(), durable.value, EXPIRY);
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public void sqliteBatch16(Durable durable) throws IOException {
        batch(durable, 16);
    }

    @Benchmark
    @OperationsPerInvocation(128)
    public void sqliteBatch128(Durable durable) throws IOException {
        batch(durable, 128);
    }

    @Benchmark
    public void unflushedPut(Unflushed unflushed) throws IOException {
        unflushed.store.put("outbox", unflushed.nextKey(), unflushed.value, EXPIRY);
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public void unflushedBatch16(Unflushed unflushed) throws IOException {
        batch(unflushed, 16);
    }

    @Benchmark
    @OperationsPerInvocation(128)
    public void unflushedBatch128(Unflushed unflushed) throws IOException {
        batch(unflushed, 128);
    }

    private static void batch(Opened opened, int size) throws IOException {
        Store.Batch batch = opened.store.batch();
        for (int i = 0; i < size; i++) {
            batch.put("outbox", opened.nextKey(), opened.value, EXPIRY);
        }
        batch.commit();
    }

    static void deleteRecursively(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
