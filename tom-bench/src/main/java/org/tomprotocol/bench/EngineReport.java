package org.tomprotocol.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Runs {@link EngineThroughputBenchmark} and the 1 KiB seal and open pipelines of
 * {@link EnvelopePipelineBenchmark} in one JMH run and prints the engine's time per message against the
 * crypto of that message, as a ratio. Arguments are JMH's; without any, {@code -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 *
 * <p>{@code java -cp tom-bench/target/benchmarks.jar org.tomprotocol.bench.EngineReport [jmh options]}
 */
public final class EngineReport {
    private static final String INCLUDE = "org\\.tomprotocol\\.bench\\.(EngineThroughputBenchmark"
            + "|EnvelopePipelineBenchmark\\.(sealSignEncode|decodeVerifyOpen)$)";
    private static final String ENGINE = "engine";
    private static final String CRYPTO = "cryptoOfOneMessage";
    private static final String SEAL = "sealSignEncode@1024";
    private static final String OPEN = "decodeVerifyOpen@1024";

    private EngineReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        String[] jmhArgs = Arrays.copyOf(args.length == 0 ? JmhScores.DEFAULT_ARGS : args,
                (args.length == 0 ? JmhScores.DEFAULT_ARGS.length : args.length) + 2);
        jmhArgs[jmhArgs.length - 2] = "-p";
        jmhArgs[jmhArgs.length - 1] = "payloadBytes=" + EngineThroughputBenchmark.PAYLOAD_BYTES;
        JmhScores scores = JmhScores.run(INCLUDE, jmhArgs);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println();
        out.println(markdown(scores));
    }

    static String markdown(JmhScores scores) {
        for (String name : new String[] {ENGINE, CRYPTO, SEAL, OPEN}) {
            if (!scores.has(name)) {
                return "not run: " + name;
            }
        }
        double engine = scores.median(ENGINE);
        double crypto = scores.median(CRYPTO);
        double sealOpen = scores.median(SEAL) + scores.median(OPEN);
        double engineFastest = scores.fastest(ENGINE);
        double cryptoFastest = scores.fastest(CRYPTO);
        double sealOpenFastest = scores.fastest(SEAL) + scores.fastest(OPEN);
        StringBuilder out = new StringBuilder();
        out.append("| per 1 KiB sealed message | µs (median) | messages/s (median) | µs (fastest) |\n");
        out.append("|---|---:|---:|---:|\n");
        row(out, "whole engine, 2 nodes, send to recipient's ACK", engine, engineFastest);
        row(out, "its crypto: seal+sign, verify+open, sign ACK, verify ACK", crypto, cryptoFastest);
        row(out, "bare seal/open pipeline (no ACK)", sealOpen, sealOpenFastest);
        out.append(String.format(Locale.ROOT, "%nengine / its crypto: %.2f (median), %.2f (fastest)%n",
                engine / crypto, engineFastest / cryptoFastest));
        out.append(String.format(Locale.ROOT, "engine / bare seal/open pipeline: %.2f (median), %.2f (fastest)%n",
                engine / sealOpen, engineFastest / sealOpenFastest));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, double median, double fastest) {
        out.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.1f |%n", label, median, 1e6 / median, fastest));
    }
}
