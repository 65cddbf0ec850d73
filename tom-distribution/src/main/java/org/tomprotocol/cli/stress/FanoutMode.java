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
    private List<String> targets;

    @Option(names = "--count", defaultValue = "10", description = "Messages per target (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--payload-size", defaultValue = "1024", description = "Bytes per message (default ${DEFAULT-VALUE}).")
    private int payloadSize;

    @Override
    public Integer call() throws InterruptedException {
        List<NodeId> to = targets.stream().map(NodeId::parse).toList();
        try (StressNode node = new StressNode(options, spec.commandLine().getOut(), spec.commandLine().getErr(), "fanout")) {
            long start = System.nanoTime();
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                for (NodeId target : to) {
                    sent.add(node.node().send(target, new byte[payloadSize]));
                }
            }
            List<Long> rtts = new ArrayList<>();
            int failed = 0;
            for (OutboundMessage message : sent) {
                StressNode.Outcome outcome = StressNode.await(message, start, Duration.ofSeconds(100));
                if (outcome.delivered()) {
                    rtts.add(outcome.rttMicros());
                } else {
                    failed++;
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("target_count", to.size());
            result.put("envelopes_per_target", count);
            result.put("total_sent", sent.size());
            result.put("total_delivered", rtts.size());
            result.put("total_failed", failed);
            result.put("elapsed_ms", (System.nanoTime() - start) / 1_000_000);
            result.putAll(StressNode.rttStats(rtts));
            node.emit("fanout_result", result);
            node.emit("summary", Map.of("mode", "fanout", "failed", failed));
            return failed == 0 ? 0 : 1;
        }
    }
}
