package org.tomprotocol.lab.bench;

import static org.tomprotocol.lab.bench.SectionedReport.round;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.cli.extension.CommandLinePlugins;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tom bench relay}: a loaded relay. Several senders each stream encrypted messages to their own recipient,
 * all at once, first direct, then all through one relay, in the same run; reports both phases' throughput and
 * latency percentiles and the relayed ÷ direct ratios. Every node runs in this process, so on a small machine the
 * ratio says what relaying costs in CPU as much as in hops.
 */
@Command(name = "relay",
        mixinStandardHelpOptions = true,
        description = "Many senders through one relay vs the same traffic sent direct, over QUIC on loopback.")
public final class RelayBenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--senders", defaultValue = "4",
            description = "Sender-recipient pairs sending at once (default ${DEFAULT-VALUE}).")
    private int senders;

    @Option(names = "--messages", defaultValue = "2000",
            description = "Messages per sender in each phase (default ${DEFAULT-VALUE}).")
    private int messages;

    @Option(names = "--payload-size", defaultValue = "1024", description = "Bytes per message (default ${DEFAULT-VALUE}).")
    private int payloadSize;

    @Option(names = "--window", defaultValue = "32",
            description = "Messages each sender keeps outstanding (default ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        SectionedReport output = new SectionedReport(spec, json);
        require(senders, "--senders", 1, 64);
        require(messages, "--messages", 1, 1_000_000);
        require(window, "--window", 1, 4_096);
        require(payloadSize, "--payload-size", 0, org.tomprotocol.api.NodeBuilder.MAX_PAYLOAD_BYTES);
        PluginSource plugins = CommandLinePlugins.source(spec.commandLine().getErr());
        output.progress("starting " + (2 * senders + 1) + " nodes");
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("senders", senders);
        setup.put("messages_per_sender", messages);
        setup.put("payload_bytes", payloadSize);
        setup.put("window", window);
        report.put("setup", setup);
        try (RelayedTraffic traffic = new RelayedTraffic(plugins, senders)) {
            int warmUp = Math.max(1, messages / 4);
            output.progress("warming up");
            traffic.run(false, warmUp, payloadSize, window);
            traffic.run(true, warmUp, payloadSize, window);
            output.progress("direct");
            RelayedTraffic.Result direct = traffic.run(false, messages, payloadSize, window);
            output.progress("through the relay");
            RelayedTraffic.Result relayed = traffic.run(true, messages, payloadSize, window);
            report.put("direct", figures(direct));
            report.put("relayed", figures(relayed));
            Map<String, Object> ratios = new LinkedHashMap<>();
            ratios.put("throughput_relayed_over_direct", round(relayed.messagesPerSecond() / direct.messagesPerSecond()));
            ratios.put("p50_relayed_over_direct", round(relayed.latencies().percentileMicros(0.50)
                    / direct.latencies().percentileMicros(0.50)));
            ratios.put("p99_relayed_over_direct", round(relayed.latencies().percentileMicros(0.99)
                    / direct.latencies().percentileMicros(0.99)));
            report.put("ratios", ratios);
        }
        output.print(report);
        return 0;
    }

    private void require(int value, String option, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " is " + value + ": use " + min + " to " + max);
        }
    }

    private static Map<String, Object> figures(RelayedTraffic.Result result) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("delivered", result.delivered());
        figures.put("msgs_per_s", Math.round(result.messagesPerSecond()));
        figures.put("p50_us", round(result.latencies().percentileMicros(0.50)));
        figures.put("p99_us", round(result.latencies().percentileMicros(0.99)));
        figures.put("relay_forwarded", result.relayForwarded());
        return figures;
    }
}
