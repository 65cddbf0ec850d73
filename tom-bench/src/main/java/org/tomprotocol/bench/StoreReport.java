package org.tomprotocol.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Runs {@code org.tomprotocol.store.sqlite.StoreBenchmark} and {@link EngineThroughputBenchmark#engine} in one JMH
 * run and prints what the durable store adds to a send: each way of writing a 1 KiB entry per message, the send path
 * with it against the in-memory send, and the flush to disk per message (the same writes unflushed, subtracted).
 * Arguments are JMH's; without any, {@code -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 *
 * <p>{@code java -cp tom-bench/target/benchmarks.jar org.tomprotocol.bench.StoreReport [jmh options]}
 */
public final class StoreReport {
    private static final String INCLUDE = "org\\.tomprotocol\\.(store\\.sqlite\\.StoreBenchmark"
            + "|bench\\.EngineThroughputBenchmark\\.engine$)";
    private static final String SEND = "engine";
    private static final String MEMORY = "inMemoryPut";
    private static final String[][] WAYS = {
        {"single put: one transaction per entry", "sqlitePut", "unflushedPut"},
        {"batch of 16 entries per transaction", "sqliteBatch16", "unflushedBatch16"},
        {"batch of 128 entries per transaction", "sqliteBatch128", "unflushedBatch128"},
    };

    private StoreReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        JmhScores scores = JmhScores.run(INCLUDE, args.length == 0 ? JmhScores.DEFAULT_ARGS : args);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println();
        out.println(markdown(scores));
    }

    static String markdown(JmhScores scores) {
        if (!scores.has(SEND) || !scores.has(MEMORY)) {
            return "not run: " + SEND + " or " + MEMORY;
        }
        double send = scores.median(SEND);
        StringBuilder out = new StringBuilder();
        out.append("| per 1 KiB message | µs (median) | send + it, × in-memory send "
                + "| of which the flush to disk, µs |\n");
        out.append("|---|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| in-memory send, 2 nodes, send to recipient's ACK | %.1f | 1.00 | |%n",
                send));
        out.append(String.format(Locale.ROOT, "| keep the entry in a map in memory | %.2f | %.3f | |%n",
                scores.median(MEMORY), (send + scores.median(MEMORY)) / send));
        for (String[] way : WAYS) {
            if (!scores.has(way[1]) || !scores.has(way[2])) {
                continue;
            }
            double durable = scores.median(way[1]);
            double flush = durable - scores.median(way[2]);
            out.append(String.format(Locale.ROOT, "| SQLite, %s | %.1f | %.2f | %.1f |%n", way[0], durable,
                    (send + durable) / send, flush));
        }
        return out.toString();
    }
}
