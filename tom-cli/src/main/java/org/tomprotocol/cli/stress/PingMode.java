package org.tomprotocol.cli.stress;

import java.time.Duration;
import java.util.LinkedHashMap;
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
    private NodeId to;

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
        try (StressNode node = new StressNode(options, spec, "ping")) {
            StressNode.Tally tally = new StressNode.Tally();
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
                tally.add(outcome);
                direct += outcome.delivered() && outcome.relays() == 0 ? 1 : 0;
                Thread.sleep(delayMillis);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("mode", "ping");
            summary.put("total_pings", tally.delivered() + tally.failed());
            summary.put("successful", tally.delivered());
            summary.put("failed", tally.failed());
            summary.put("direct_pings", direct);
            summary.put("relay_pings", tally.delivered() - direct);
            summary.putAll(tally.rttStats());
            node.emit("summary", summary);
            return tally.failed() == 0 ? 0 : 1;
        }
    }
}
