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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tom stress burst}: many messages at once, then the time until the last acknowledgement. */
@Command(name = "burst", mixinStandardHelpOptions = true,
        description = "Sends a burst of messages at once and measures throughput to the last acknowledgement.")
public final class BurstMode implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Parameters(paramLabel = "NODEID", description = "The node to send to.")
    private NodeId to;

    @Option(names = "--count", defaultValue = "100", description = "Messages per round (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--payload-size", defaultValue = "1024", description = "Bytes per message (default ${DEFAULT-VALUE}).")
    private int payloadSize;

    @Option(names = "--rounds", defaultValue = "1", description = "Rounds (default ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--round-delay", defaultValue = "2000", paramLabel = "MS",
            description = "Pause between rounds (default ${DEFAULT-VALUE} ms).")
    private long roundDelay;

    @Override
    public Integer call() throws InterruptedException {
        int lostTotal = 0;
        try (StressNode node = new StressNode(options, spec, "burst")) {
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                List<OutboundMessage> sent = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    sent.add(node.node().send(to, new byte[payloadSize]));
                }
                StressNode.Tally tally = StressNode.awaitAll(sent, start, Duration.ofSeconds(100));
                int lost = tally.failed();
                double seconds = (System.nanoTime() - start) / 1e9;
                lostTotal += lost;
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("round", round);
                result.put("messages_sent", count);
                result.put("messages_acked", tally.delivered());
                result.put("lost", lost);
                result.put("payload_size", payloadSize);
                result.put("total_bytes", (long) payloadSize * tally.delivered());
                result.put("elapsed_ms", Math.round(seconds * 1000));
                result.put("messages_per_sec", Math.round(tally.delivered() / seconds));
                result.put("bytes_per_sec", Math.round(payloadSize * (double) tally.delivered() / seconds));
                result.putAll(tally.rttStats());
                node.emit("burst_result", result);
                if (round < rounds) {
                    Thread.sleep(roundDelay);
                }
            }
            node.emit("summary", Map.of("mode", "burst", "rounds", rounds, "lost", lostTotal));
        }
        return lostTotal == 0 ? 0 : 1;
    }
}
