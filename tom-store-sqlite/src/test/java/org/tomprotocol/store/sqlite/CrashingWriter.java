package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

import org.tomprotocol.spi.store.Store;

/**
 * The child process of {@link CrashTest}: writes numbered groups of 1 KiB entries to the store of the directory it
 * is given, forever, as single puts and as batches. It prints {@code write GROUP SIZE} before the call that writes a
 * group, and {@code ack GROUP SIZE} only once that call has returned: what the node had accepted. Its parent kills it
 * with SIGKILL.
 */
public final class CrashingWriter {
    static final String NAMESPACE = "crash";
    static final Instant EXPIRY = Instant.parse("2100-01-01T00:00:00Z");
    static final int MAX_GROUP = 32;

    private CrashingWriter() {
    }

    /** Arguments: the store's directory, the first group number, a seed for the group sizes. */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        long group = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        try (Store store = new SqliteStoreProvider().open(directory)) {
            out.println("ready");
            out.flush();
            while (true) {
                int size = random.nextInt(3) == 0 ? 1 : 2 + random.nextInt(MAX_GROUP - 1);
                out.println("write " + group + " " + size);
                out.flush();
                if (size == 1) {
                    store.put(NAMESPACE, key(group, 0), value(group, 0), EXPIRY);
                } else {
                    Store.Batch batch = store.batch();
                    for (int i = 0; i < size; i++) {
                        batch.put(NAMESPACE, key(group, i), value(group, i), EXPIRY);
                    }
                    batch.commit();
                }
                out.println("ack " + group + " " + size);
                out.flush();
                group++;
            }
        }
    }

    static String key(long group, int index) {
        return group + "/" + index;
    }

    /** 1 KiB that only this entry has. */
    static byte[] value(long group, int index) {
        byte[] value = new byte[1024];
        SplittableRandom bytes = new SplittableRandom(group * 131 + index);
        bytes.nextBytes(value);
        return value;
    }
}
