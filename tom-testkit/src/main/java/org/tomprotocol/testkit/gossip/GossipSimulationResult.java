package org.tomprotocol.testkit.gossip;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link GossipSimulation} measured; docs/gossip.md defines every metric. Every part is a record, so
 * JSON libraries write it as one object with these component names ({@code tom sim gossip --json}).
 *
 * @param settings             what was run
 * @param provider             the discovery provider's id
 * @param failedNodes          nodes crashed at once
 * @param liveNodes            nodes left alive
 * @param overlayBeforeFailure the overlay just before the failure
 * @param warmup               the broadcasts before the failure (the last one shows the steady state)
 * @param rounds               one broadcast per round after the failure, round 1 sent at the failure's instant
 * @param roundsToHeal         rounds whose broadcast missed a live node before every later broadcast reached
 *                             them all: 0 when even the first one did; -1 when the last round still missed some
 * @param overlayAfterRecovery the overlay after the last round
 * @param counts               network counters over the whole run
 * @param virtualMillis        simulated time
 * @param events               simulation events run
 * @param wallMillis           real time the run took (not part of what a seed determines)
 */
public record GossipSimulationResult(SimulationSettings settings, String provider, int failedNodes, int liveNodes,
                                     OverlayStats overlayBeforeFailure, List<BroadcastStats> warmup,
                                     List<BroadcastStats> rounds, int roundsToHeal, OverlayStats overlayAfterRecovery,
                                     NetworkCounts counts, long virtualMillis, long events, long wallMillis) {
    public GossipSimulationResult {
        warmup = List.copyOf(warmup);
        rounds = List.copyOf(rounds);
    }

    /** The last warm-up broadcast: the steady state before the failure, or {@code null} without warm-up. */
    public BroadcastStats steadyState() {
        return warmup.isEmpty() ? null : warmup.get(warmup.size() - 1);
    }

    /** The broadcast sent at the instant of the failure. */
    public BroadcastStats firstAfterFailure() {
        return rounds.get(0);
    }

    /** The broadcast of the last round. */
    public BroadcastStats afterRecovery() {
        return rounds.get(rounds.size() - 1);
    }

    /** Whether the broadcasts reached every live node again within the rounds run. */
    public boolean healed() {
        return roundsToHeal >= 0;
    }

    /** The same result with {@code wallMillis} zeroed: what the seed alone determines. */
    public GossipSimulationResult withoutWallTime() {
        return new GossipSimulationResult(settings, provider, failedNodes, liveNodes, overlayBeforeFailure, warmup,
                rounds, roundsToHeal, overlayAfterRecovery, counts, virtualMillis, events, 0);
    }

    /** A few lines for people. */
    public String summary() {
        BroadcastStats first = firstAfterFailure();
        BroadcastStats last = afterRecovery();
        BroadcastStats steady = steadyState();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "gossip simulation: %d nodes, %d failed (%.0f %%), seed %d, provider %s%n",
                settings.nodes(), failedNodes, settings.failFraction() * 100, settings.seed(), provider));
        if (steady != null) {
            text.append(String.format(Locale.ROOT, "  steady state:        reliability %.4f  RMR %.3f  last hop %d%n",
                    steady.reliability(), steady.rmr(), steady.lastDeliveryHop()));
        }
        text.append(String.format(Locale.ROOT, "  first after failure: reliability %.4f  RMR %.3f  last hop %d%n",
                first.reliability(), first.rmr(), first.lastDeliveryHop()));
        text.append(String.format(Locale.ROOT, "  after %2d rounds:     reliability %.4f  RMR %.3f  last hop %d%n",
                rounds.size(), last.reliability(), last.rmr(), last.lastDeliveryHop()));
        text.append(healed() ? "  rounds to heal: " + roundsToHeal : "  not healed within " + rounds.size() + " rounds")
                .append(String.format(Locale.ROOT, "%n  overlay after: mean degree %.2f, %d isolated, %d components%n",
                        overlayAfterRecovery.meanDegree(), overlayAfterRecovery.isolatedNodes(),
                        overlayAfterRecovery.components()));
        text.append(String.format(Locale.ROOT, "  %d events, %.1f s virtual, %.1f s wall%n", events,
                virtualMillis / 1000.0, wallMillis / 1000.0));
        return text.toString();
    }
}
