package org.tomprotocol.cli.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/** {@code tom stress ping}: one small message at a time, each timed to its acknowledgement. */
@Command(name = "ping", mixinStandardHelpOptions = true,
        description = "Sends small messages one at a time and times each to the recipient's acknowledgement.")
public final class PingMode implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Parameters(paramLabel = "NODEID", description = "The node to ping.")
    private String target;

    @Option(names = "--count", defaultValue = "20", description = "Pings to send (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--delay", defaultValue = "1000", paramLabel = "MS",
            description = "Pause between pings (default ${DEFAULT-VALUE} ms).")
    private long delayMillis;

    @Option(names = "--continuous", description = "Ping until interrupted.")
    private boolean continuous;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Time a ping may take (default ${DEFAULT-VALUE} s).")
    private long timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        NodeId to = NodeId.parse(target);
        try (StressNode node = new StressNode(options, spec.commandLine().getOut(), spec.commandLine().getErr(), "ping")) {
            List<Long> rtts = new ArrayList<>();
            int failed = 0;
            int direct = 0;
            for (int seq = 1; continuous || seq <= count; seq++) {
                StressNode.Outcome outcome = node.sendAndWait(to, ("ping " + seq).getBytes(), Duration.ofSeconds(timeoutSeconds));
                Map<String, Object> ping = new LinkedHashMap<>();
                ping.put("seq", seq);
                ping.put("delivered", outcome.delivered());
                ping.put("rtt_ms", outcome.delivered() ? StressNode.millis(outcome.rttMicros()) : null);
                ping.put("path", outcome.relays() == 0 ? "direct" : "relay");
                if (outcome.failure() != null) {
                    ping.put("failure", outcome.failure());
                }
                node.emit("ping", ping);
                if (outcome.delivered()) {
                    rtts.add(outcome.rttMicros());
                    direct += outcome.relays() == 0 ? 1 : 0;
                } else {
                    failed++;
                }
                Thread.sleep(delayMillis);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("mode", "ping");
            summary.put("total_pings", rtts.size() + failed);
            summary.put("successful", rtts.size());
            summary.put("failed", failed);
            summary.put("direct_pings", direct);
            summary.put("relay_pings", rtts.size() - direct);
            summary.putAll(StressNode.rttStats(rtts));
            node.emit("summary", summary);
            return failed == 0 ? 0 : 1;
        }
    }
}
