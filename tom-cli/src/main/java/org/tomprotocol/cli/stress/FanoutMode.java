package org.tomprotocol.cli.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.cli.node.NodeOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tom stress fanout}: the same number of messages to each of several nodes at once. */
@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "Sends messages to several nodes at once and reports delivery per target.")
public final class FanoutMode implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Option(names = "--targets", required = true, split = ",", paramLabel = "NODEID,…", description = "Nodes to send to.")
    private List<NodeId> to;

    @Option(names = "--count", defaultValue = "10", description = "Messages per target (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--payload-size", defaultValue = "1024", description = "Bytes per message (default ${DEFAULT-VALUE}).")
    private int payloadSize;

    @Override
    public Integer call() throws InterruptedException {
        try (StressNode node = new StressNode(options, spec, "fanout")) {
            long start = System.nanoTime();
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                for (NodeId target : to) {
                    sent.add(node.node().send(target, new byte[payloadSize]));
                }
            }
            StressNode.Tally tally = StressNode.awaitAll(sent, start, Duration.ofSeconds(100));
            int failed = tally.failed();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("target_count", to.size());
            result.put("envelopes_per_target", count);
            result.put("total_sent", sent.size());
            result.put("total_delivered", tally.delivered());
            result.put("total_failed", failed);
            result.put("elapsed_ms", (System.nanoTime() - start) / 1_000_000);
            result.putAll(tally.rttStats());
            node.emit("fanout_result", result);
            node.emit("summary", Map.of("mode", "fanout", "failed", failed));
            return failed == 0 ? 0 : 1;
        }
    }
}
