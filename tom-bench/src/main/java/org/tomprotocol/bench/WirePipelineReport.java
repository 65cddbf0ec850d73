package org.tomprotocol.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Runs the envelope pipelines and their bare primitives in one JMH run and prints, per payload size, each
 * pipeline's time next to the sum of the primitive calls it makes, and their ratio (the pipeline's own
 * overhead: codec, copies, allocation). Arguments are JMH's; without any, {@code -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 *
 * <p>The benchmarks sample single operations; the table uses the median and the fastest sample rather than
 * the mean, because on a machine shared with other work, preempted operations make the mean swing by far
 * more than the overhead being measured.
 *
 * <p>{@code java -cp tom-bench/target/benchmarks.jar org.tomprotocol.bench.WirePipelineReport [jmh options]}
 */
public final class WirePipelineReport {
    private static final String INCLUDE = "org\\.tomprotocol\\.bench\\.(EnvelopePipeline|Primitives|KeyAgreement)Benchmark";

    private final JmhScores scores;

    private WirePipelineReport(JmhScores scores) {
        this.scores = scores;
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        WirePipelineReport report = new WirePipelineReport(JmhScores.run(INCLUDE, args));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println();
        out.println(report.markdown());
    }

    /** One pipeline and the primitives (benchmark names, with the size appended where sized) it is made of. */
    private record Row(String label, String pipeline, List<String> primitives) {
    }

    private double median(String name) {
        return scores.median(name);
    }

    private double fastest(String name) {
        return scores.fastest(name);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        for (String size : List.of("1024", "65536")) {
            for (String profile : List.of("", "/compact")) {
                String signed = profile.isEmpty() ? "" : "Compact";
                List<Row> rows = List.of(
                        new Row("sign + encode (plain chat)", "signPlain@" + size + profile,
                                List.of("ed25519SignPlainEnvelope" + signed + "@" + size)),
                        new Row("decode + verify (plain chat)", "verifyPlain@" + size + profile,
                                List.of("ed25519VerifyPlainEnvelope" + signed + "@" + size)),
                        new Row("seal + sign + encode", "sealSignEncode@" + size + profile,
                                List.of("sealRandomness", "edwardsToMontgomery", "x25519PublicKey", "x25519Agreement",
                                        "hkdfSha256", "xchacha20Poly1305Encrypt@" + size,
                                        "ed25519SignSealedEnvelope" + signed + "@" + size)),
                        new Row("decode + verify + open", "decodeVerifyOpen@" + size + profile,
                                List.of("ed25519VerifySealedEnvelope" + signed + "@" + size, "x25519Agreement",
                                        "hkdfSha256", "xchacha20Poly1305Decrypt@" + size)));
                WireFixture sizes = new WireFixture(Integer.parseInt(size), profile.isEmpty()
                        ? org.tomprotocol.core.wire.WireProfile.REFERENCE : org.tomprotocol.core.wire.WireProfile.COMPACT);
                out.append("\n#### Payload ").append(Integer.parseInt(size) / 1024).append(" KiB, ")
                        .append(profile.isEmpty() ? "reference" : "compact").append(" profile (sealed envelope ")
                        .append(sizes.sealedWire.length).append(" bytes on the wire, plain ")
                        .append(sizes.plainWire.length).append(")\n\n");
                table(out, rows);
            }
            out.append("\n| primitive | µs (median) | µs (fastest) |\n|---|---:|---:|\n");
            for (String name : new TreeSet<>(scores.names())) {
                boolean pipeline = name.startsWith("signPlain") || name.startsWith("verifyPlain")
                        || name.startsWith("sealSignEncode") || name.startsWith("decodeVerifyOpen");
                if (!pipeline && (!name.contains("@") || name.endsWith("@" + size))) {
                    out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", name.replace("@" + size, ""),
                            median(name), fastest(name)));
                }
            }
        }
        return out.toString();
    }

    private void table(StringBuilder out, List<Row> rows) {
        out.append("| pipeline | pipeline µs (median) | sum of its primitives µs (median) | ratio (median) "
                + "| ratio (fastest) |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            if (!scores.has(row.pipeline()) || !row.primitives().stream().allMatch(scores::has)) {
                out.append("| ").append(row.label()).append(" | not run | | | |\n");
                continue;
            }
            double sumMedian = row.primitives().stream().mapToDouble(this::median).sum();
            double sumFastest = row.primitives().stream().mapToDouble(this::fastest).sum();
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.2f |%n", row.label(),
                    median(row.pipeline()), sumMedian, median(row.pipeline()) / sumMedian,
                    fastest(row.pipeline()) / sumFastest));
        }
    }
}
