package org.tomprotocol.lab.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.testkit.VirtualRuntime;
import org.tomprotocol.testkit.sim.AbuseResult;
import org.tomprotocol.testkit.sim.AbuseSettings;
import org.tomprotocol.testkit.sim.AbuseSimulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tom sim abuse}: lock 5 on real engines, the in-memory network and virtual time (docs/roles.md). Exits 1 if
 * an honest message was lost or an application received a message twice.
 */
@Command(name = "abuse",
        mixinStandardHelpOptions = true,
        description = {
            "Simulates spammers among honest nodes: honest senders send at --honest-rate to random honest nodes, the "
                    + "--spammers last nodes at --spam-rate to --targets honest nodes; hubs (a tenth, at least 2) relay. Runs the honest "
                    + "traffic alone and then with the spammers, on the same seed.",
            "Reports the honest latencies of both runs, what the spammers got delivered each second (slowed, never "
                    + "cut off) and what stamps cost: minted (at --hash-rate per node, in virtual time) and checked. "
                    + "Verifying and relaying take no virtual time here: the cost of a flood's frames to a relay is "
                    + "measured by 'tom stress flood'."
        })
public final class AbuseSimCommand implements Callable<Integer> {
    @Mixin
    private SimulationRun run;

    @Option(names = "--nodes", defaultValue = "20", description = "Nodes in all (default ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--spammers", defaultValue = "2", description = "Spamming nodes (default ${DEFAULT-VALUE}).")
    private int spammers;

    @Option(names = "--spam-rate", defaultValue = "100", paramLabel = "X",
            description = "Messages a second each spammer sends (default ${DEFAULT-VALUE}).")
    private double spamRate;

    @Option(names = "--targets", defaultValue = "1",
            description = "Honest nodes the spam goes to, at random (default ${DEFAULT-VALUE}: one victim).")
    private int targets;

    @Option(names = "--honest-rate", defaultValue = "1",
            description = "Messages a second each honest sender sends (default ${DEFAULT-VALUE}).")
    private double honestRate;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of the sending window (default ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--relay-fraction", defaultValue = "0.5", paramLabel = "RELAY_FRACTION",
            description = "Probability that two ordinary nodes have no direct session (default ${DEFAULT-VALUE}).")
    private double relayFraction;

    @Option(names = "--hash-rate", defaultValue = "" + VirtualRuntime.DEFAULT_HASHES_PER_SECOND, paramLabel = "HASHES",
            description = "Hashes a second each node mints stamps at (default ${DEFAULT-VALUE}).")
    private long hashRate;

    @Override
    public Integer call() {
        AbuseSettings settings = run.settings(() -> new AbuseSettings(nodes, spammers, spamRate, targets, honestRate,
                seconds, relayFraction, hashRate, run.seed()));
        AbuseResult result = AbuseSimulation.run(settings);
        run.print(report(settings, result));
        boolean honestAllDelivered = result.baseline().delivered() == result.baseline().sent()
                && result.flooded().delivered() == result.flooded().sent();
        boolean noDuplicates = result.baseline().duplicatesToApp() == 0 && result.flooded().duplicatesToApp() == 0;
        return honestAllDelivered && noDuplicates ? 0 : 1;
    }

    static Map<String, Object> report(AbuseSettings settings, AbuseResult result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("nodes", settings.nodes());
        report.put("hubs", settings.hubs());
        report.put("honest_senders", settings.honestSenders());
        report.put("spammers", settings.spammers());
        report.put("honest_rate", settings.honestRate());
        report.put("spam_rate", settings.spamRate());
        report.put("spam_factor", settings.spamRate() / settings.honestRate());
        report.put("spam_targets", settings.targets());
        report.put("seconds", settings.seconds());
        report.put("relay_fraction", settings.relayFraction());
        report.put("hash_rate", settings.hashesPerSecond());
        report.put("seed", settings.seed());
        report.put("honest_alone", phase(result.baseline()));
        report.put("honest_under_spam", phase(result.flooded()));
        report.put("honest_p99_ratio", Math.round(result.honestP99Ratio() * 100) / 100.0);
        report.put("spam_handed", result.spamHanded());
        report.put("spam_refused_by_sender", result.spamRefusedBySender());
        report.put("spam_delivered", result.spamDelivered());
        report.put("spam_delivered_per_second", result.spamDeliveredPerSecond());
        report.put("stamps_minted", result.stampsMinted());
        report.put("hashes_minted", result.hashesMinted());
        report.put("minting_cpu_s", Math.round(10.0 * result.hashesMinted() / settings.hashesPerSecond()) / 10.0);
        report.put("stamp_checks", result.stampChecks());
        report.put("stamp_check_cpu_ms", Math.round(result.stampCheckCpuMillis() * 100) / 100.0);
        report.put("prices_told", result.pricesTold());
        report.put("unpaid_refused", result.unpaidRefused());
        report.put("priced_delayed", result.pricedDelayed());
        report.put("wall_ms", result.wallMillis());
        return report;
    }

    private static Map<String, Object> phase(AbuseResult.Phase phase) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("sent", phase.sent());
        report.put("delivered", phase.delivered());
        report.put("failed", phase.failed());
        report.put("duplicates_to_app", phase.duplicatesToApp());
        report.put("p50_ms", phase.latencyP50Millis());
        report.put("p99_ms", phase.latencyP99Millis());
        return report;
    }
}
