package org.tomprotocol.lab.sim;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.cli.output.Json;
import org.tomprotocol.testkit.gossip.GossipSimulation;
import org.tomprotocol.testkit.gossip.GossipSimulationResult;
import org.tomprotocol.testkit.gossip.SimulationSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tom sim gossip}: the HyParView/PlumTree papers' failure experiment with the discovery provider on
 * the module path, on a simulated network with virtual time; deterministic for a seed.
 */
@Command(name = "gossip",
        mixinStandardHelpOptions = true,
        description = {
            "Simulates the discovery overlay alone (no engines, no crypto): N nodes join one after another, the "
                    + "overlay settles, a fraction F of the nodes crash at once, then one broadcast per round shows "
                    + "how many live nodes it still reaches and how the overlay heals.",
            "Reports reliability, relative message redundancy (RMR), last-delivery hop and rounds to heal; "
                    + "docs/gossip.md defines each."
        })
public final class GossipSimCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulationRun run;

    @Option(names = "--nodes", defaultValue = "1000", description = "Number of nodes (default ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--fail", defaultValue = "0.5", paramLabel = "F",
            description = "Fraction of the nodes that crash at once (default ${DEFAULT-VALUE}).")
    private double fail;

    @Option(names = "--rounds", defaultValue = "10",
            description = "Broadcast rounds after the failure, one simulated second each (default ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--provider", paramLabel = "ID",
            description = "Discovery provider to simulate (default: the highest-priority one available).")
    private String provider;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A discovery option for every node, e.g. gossip.catch-up-messages=0 (repeatable; "
                    + "docs/gossip.md lists them).")
    private Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() {
        SimulationSettings settings = run.settings(() -> {
            SimulationSettings chosen = SimulationSettings.of(nodes, fail, run.seed())
                    .withRounds(SimulationSettings.DEFAULT_WARMUP_BROADCASTS, rounds, SimulationSettings.DEFAULT_ROUND_MILLIS);
            if (provider != null) {
                chosen = chosen.withProvider(provider);
            }
            return options.isEmpty() ? chosen : chosen.withOptions(options);
        });
        GossipSimulationResult result;
        try {
            result = GossipSimulation.run(settings);
        } catch (RuntimeException e) {
            // a node's options are read when the simulated node starts, inside the simulation's scheduler
            ConfigurationException badOption = configurationCause(e);
            if (badOption != null) {
                throw new ParameterException(spec.commandLine(), badOption.getMessage());
            }
            if (!(e instanceof IllegalStateException)) {
                throw e;
            }
            // no discovery provider (or not the one asked for) on the module path
            spec.commandLine().getErr().println("tom sim gossip: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (run.json()) {
            Json.print(out, report(result));
        } else {
            out.print(result.summary());
        }
        out.flush();
        return 0;
    }

    private static ConfigurationException configurationCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationException configuration) {
                return configuration;
            }
        }
        return null;
    }

    static Map<String, Object> report(GossipSimulationResult result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("settings", result.settings());
        report.put("provider", result.provider());
        report.put("failedNodes", result.failedNodes());
        report.put("liveNodes", result.liveNodes());
        report.put("steadyState", result.steadyState());
        report.put("firstAfterFailure", result.firstAfterFailure());
        report.put("afterRecovery", result.afterRecovery());
        report.put("roundsToHeal", result.healed() ? result.roundsToHeal() : null);
        report.put("overlayBeforeFailure", result.overlayBeforeFailure());
        report.put("overlayAfterRecovery", result.overlayAfterRecovery());
        report.put("warmup", result.warmup());
        report.put("rounds", result.rounds());
        report.put("counts", result.counts());
        report.put("virtualMillis", result.virtualMillis());
        report.put("events", result.events());
        report.put("wallMillis", result.wallMillis());
        return report;
    }
}
