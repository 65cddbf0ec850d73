package org.tomprotocol.lab.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.testkit.sim.EngineSimulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tom sim}: real engines on the in-memory network with virtual time, deterministic for a seed. It
 * exits 1 if any application received a message twice. {@code tom sim gossip} simulates the discovery
 * overlay alone.
 */
@Command(name = "sim",
        mixinStandardHelpOptions = true,
        subcommands = {GossipSimCommand.class, OfflineSimCommand.class, GroupsSimCommand.class,
            AbuseSimCommand.class, RelaysSimCommand.class, HoldersSimCommand.class},
        description = {
            "Simulates a network of real ToM engines on an in-memory network with virtual time: random messages "
                    + "between random nodes, with loss and relays, then reports what was delivered.",
            "Hub nodes (a tenth of them, at least 2) have a session with everyone; other pairs have a direct "
                    + "session with probability 1 - RELAY_FRACTION.",
            "'tom sim gossip' simulates the discovery overlay alone, at up to tens of thousands of nodes; "
                    + "'tom sim offline' measures offline delivery with durable nodes that come and go."
        })
public final class SimCommand implements Callable<Integer> {
    @Mixin
    private SimulationRun run;

    @Option(names = "--nodes", defaultValue = "20", description = "Number of nodes (default ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--messages", defaultValue = "1000", description = "Messages to send (default ${DEFAULT-VALUE}).")
    private int messages;

    @Option(names = "--relay-fraction", defaultValue = "0.5", paramLabel = "RELAY_FRACTION",
            description = "Probability that two ordinary nodes have no direct session (default ${DEFAULT-VALUE}).")
    private double relayFraction;

    @Option(names = "--loss", defaultValue = "0", description = "Probability that a frame is lost (default ${DEFAULT-VALUE}).")
    private double loss;

    @Override
    public Integer call() {
        EngineSimulation.Settings settings = run.settings(() -> EngineSimulation.Settings.of(nodes, messages,
                relayFraction, loss, run.seed()));
        EngineSimulation.Result result = EngineSimulation.run(settings);
        Map<String, Object> report = report(settings, result);
        run.print(report);
        return result.duplicatesToApp() == 0 ? 0 : 1;
    }

    static Map<String, Object> report(EngineSimulation.Settings settings, EngineSimulation.Result result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("nodes", settings.nodes());
        report.put("messages", settings.messages());
        report.put("relay_fraction_setting", settings.relayFraction());
        report.put("loss", settings.loss());
        report.put("seed", settings.seed());
        report.put("sent", result.sent());
        report.put("delivered", result.delivered());
        report.put("failed", result.failed());
        report.put("duplicates_to_app", result.duplicatesToApp());
        report.put("relayed_fraction", Math.round(result.relayedFraction() * 10_000) / 10_000.0);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", result.latencyP50Millis());
        latency.put("p99", result.latencyP99Millis());
        report.put("virtual_latency_ms", latency);
        report.put("virtual_ms", result.virtualMillis());
        report.put("wall_ms", result.wallMillis());
        return report;
    }
}
