package org.tomprotocol.cli.stress;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.cli.node.NodeOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tom stress ladder}: growing message sizes, each timed to its acknowledgement. */
@Command(name = "ladder", mixinStandardHelpOptions = true,
        description = "Sends messages of growing sizes, a few of each, timed to the recipient's acknowledgement.")
public final class LadderMode implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Parameters(paramLabel = "NODEID", description = "The node to send to.")
    private NodeId to;

    @Option(names = "--sizes", defaultValue = "1K,4K,16K,32K,64K", split = ",",
            description = "Sizes to climb (K = 1024 bytes; the node's limit is 64K by default) (default ${DEFAULT-VALUE}).")
    private List<String> sizes;

    @Option(names = "--reps", defaultValue = "5", description = "Messages per size (default ${DEFAULT-VALUE}).")
    private int reps;

    @Override
    public Integer call() throws InterruptedException {
        int failedTotal = 0;
        try (StressNode node = new StressNode(options, spec, "ladder")) {
            int step = 0;
            for (String size : sizes) {
                int bytes = parseSize(size);
                StressNode.Tally tally = new StressNode.Tally();
                for (int rep = 0; rep < reps; rep++) {
                    tally.add(node.sendAndWait(to, new byte[bytes], Duration.ofSeconds(15)));
                }
                failedTotal += tally.failed();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("step", ++step);
                result.put("size", bytes);
                result.put("reps", reps);
                result.put("successful", tally.delivered());
                result.put("failed", tally.failed());
                result.putAll(tally.rttStats());
                node.emit("ladder_result", result);
            }
            node.emit("summary", Map.of("mode", "ladder", "steps", sizes.size(), "failed", failedTotal));
        }
        return failedTotal == 0 ? 0 : 1;
    }

    static int parseSize(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        int factor = 1;
        if (upper.endsWith("K")) {
            factor = 1024;
            upper = upper.substring(0, upper.length() - 1);
        } else if (upper.endsWith("M")) {
            factor = 1024 * 1024;
            upper = upper.substring(0, upper.length() - 1);
        }
        try {
            return Integer.parseInt(upper) * factor;
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.PicocliException("size '" + text + "' is not a number of bytes (e.g. 4K)");
        }
    }
}
