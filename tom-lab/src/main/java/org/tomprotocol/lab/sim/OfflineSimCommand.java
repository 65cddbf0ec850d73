package org.tomprotocol.lab.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.testkit.sim.OfflineResult;
import org.tomprotocol.testkit.sim.OfflineSettings;
import org.tomprotocol.testkit.sim.OfflineSimulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tom sim offline}: offline delivery with durable nodes that come and go, on real engines, the in-memory
 * network and virtual time; deterministic for a seed. Exits 1 if an application received a message twice or a
 * store still holds message bytes after every lifetime ended.
 */
@Command(name = "offline",
        mixinStandardHelpOptions = true,
        description = {
            "Simulates offline delivery: durable nodes (each with a data directory and a store) go offline and come "
                    + "back on the same directory, about F of them offline at a time; always-on hubs (a tenth, at "
                    + "least 2) relay. Messages go between random nodes over the send window, from senders online "
                    + "at the time; the clock runs to 25 h after the last send.",
            "Reports delivery within 24 h, time from the recipient's return to delivery, duplicates, expired "
                    + "messages, nodes holding each message and the bytes stores hold at the end (docs/offline.md)."
        })
public final class OfflineSimCommand implements Callable<Integer> {
    @Mixin
    private SimulationRun run;

    @Option(names = "--nodes", defaultValue = "50", description = "Ordinary, churning nodes (default ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--messages", defaultValue = "500", description = "Messages to send (default ${DEFAULT-VALUE}).")
    private int messages;

    @Option(names = "--offline-fraction", defaultValue = "0.3", paramLabel = "F",
            description = "Share of the nodes offline at a time (default ${DEFAULT-VALUE}).")
    private double offlineFraction;

    @Option(names = "--mean-offline-minutes", defaultValue = "30", paramLabel = "MINUTES",
            description = "Mean of an offline period, exponential (default ${DEFAULT-VALUE}).")
    private double meanOfflineMinutes;

    @Option(names = "--hours", defaultValue = "4", description = "Send window, in hours (default ${DEFAULT-VALUE}).")
    private double hours;

    @Option(names = "--relay-fraction", defaultValue = "0", paramLabel = "RELAY_FRACTION",
            description = "Probability that two nodes are never told each other's address, so that their messages "
                    + "go through a hub (default ${DEFAULT-VALUE}).")
    private double relayFraction;

    @Override
    public Integer call() {
        OfflineSettings settings = run.settings(() -> OfflineSettings.of(nodes, messages, offlineFraction,
                meanOfflineMinutes, hours, relayFraction, run.seed()));
        OfflineResult result = OfflineSimulation.run(settings);
        Map<String, Object> report = report(settings, result);
        run.print(report);
        return result.duplicatesToApp() == 0 && result.bytesLeftAfter24h() == 0 ? 0 : 1;
    }

    static Map<String, Object> report(OfflineSettings settings, OfflineResult result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("nodes", settings.nodes());
        report.put("hubs", result.hubs());
        report.put("messages", settings.messages());
        report.put("offline_fraction", settings.offlineFraction());
        report.put("mean_offline_minutes", settings.meanOfflineMinutes());
        report.put("send_hours", settings.sendHours());
        report.put("relay_fraction", settings.relayFraction());
        report.put("seed", settings.seed());
        report.put("sent", result.sent());
        report.put("delivered", result.delivered());
        report.put("delivered_within_24h", result.deliveredWithin24h());
        report.put("recipient_offline_at_send", result.recipientOfflineAtSend());
        report.put("delivered_after_return_ms", pair("p50", result.afterReturnP50Millis(), "p99", result.afterReturnP99Millis()));
        report.put("waited_for_sender", result.waitedForSender());
        report.put("delivered_after_both_online_ms", pair("p50", result.afterBothOnlineP50Millis(), "p99", result.afterBothOnlineP99Millis()));
        report.put("duplicates_to_app", result.duplicatesToApp());
        report.put("expired", result.expired());
        report.put("failed_at_lifetime_end", result.failedAtLifetimeEnd());
        report.put("recipient_back_but_undelivered", result.reachableButUndelivered());
        report.put("undelivered_sender_and_recipient_never_online_together", result.undeliveredSenderAway());
        report.put("replicas_per_message", pair("p50", result.replicasP50(), "max", result.replicasMax()));
        report.put("bytes_left_after_24h", result.bytesLeftAfter24h());
        report.put("peer_book_bytes_at_end", result.peerBookBytes());
        report.put("restarts", result.restarts());
        report.put("restarts_rejoined_from_peer_book", result.restartsRejoined());
        report.put("virtual_ms", result.virtualMillis());
        report.put("wall_ms", result.wallMillis());
        return report;
    }

    private static Map<String, Object> pair(String firstKey, Object first, String secondKey, Object second) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put(firstKey, first);
        pair.put(secondKey, second);
        return pair;
    }
}
