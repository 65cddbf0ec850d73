package org.tomprotocol.testkit.gossip;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * The failure experiment of the HyParView and PlumTree papers on a {@link GossipNetwork} in virtual time:
 * build the overlay (each node joins through one random earlier node), let it stabilise, broadcast a few
 * warm-up messages, crash a fraction of the nodes at once, then broadcast once per round and measure
 * reliability, redundancy, last-delivery hop and healing. The same settings give the same result, except
 * for the wall time.
 *
 * <p>Entry point for tools such as {@code tom sim gossip}: {@link #run(SimulationSettings)}.
 */
public final class GossipSimulation {
    /** Broadcasts whose payload frames are still looked for: a broadcast stops spreading within a few rounds. */
    private static final int RECENT_PROBES = 3;

    private final SimulationSettings settings;
    private final VirtualRuntime runtime = new VirtualRuntime();
    private final GossipNetwork network;
    private final SplittableRandom random;
    private final List<NodeId> ids = new ArrayList<>();
    private final Map<NodeId, Integer> indexOf = new HashMap<>();
    private final Map<Long, BroadcastProbe> probesByMarker = new HashMap<>();
    private final boolean[] alive;
    private final ArrayDeque<BroadcastProbe> recent = new ArrayDeque<>();

    private GossipSimulation(SimulationSettings settings, DiscoveryProvider provider) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.network = new GossipNetwork(runtime, provider, settings.seed())
                .latency(settings.minLatencyMillis(), settings.maxLatencyMillis())
                .idleTimeout(Duration.ofMillis(settings.idleTimeoutMillis()))
                .options(settings.options());
        this.alive = new boolean[settings.nodes()];
    }

    /**
     * Runs the experiment with the discovery provider {@link ServiceLoader} finds: the one whose id is
     * {@code settings.providerId()}, or else the available one with the highest priority.
     *
     * @throws IllegalStateException if no suitable provider is on the class or module path
     */
    public static GossipSimulationResult run(SimulationSettings settings) {
        return run(settings, findProvider(settings.providerId()));
    }

    /** Runs the experiment with {@code provider}. */
    public static GossipSimulationResult run(SimulationSettings settings, DiscoveryProvider provider) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(provider, "provider");
        long started = System.nanoTime();
        GossipSimulation simulation = new GossipSimulation(settings, provider);
        GossipSimulationResult result = simulation.execute(provider.id());
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        return new GossipSimulationResult(result.settings(), result.provider(), result.failedNodes(),
                result.liveNodes(), result.overlayBeforeFailure(), result.warmup(), result.rounds(),
                result.roundsToHeal(), result.overlayAfterRecovery(), result.counts(), result.virtualMillis(),
                result.events(), wallMillis);
    }

    /** The discovery provider {@code id} (or the best available one when {@code id} is empty). */
    static DiscoveryProvider findProvider(String id) {
        List<DiscoveryProvider> found = new ArrayList<>();
        ServiceLoader.load(DiscoveryProvider.class).forEach(found::add);
        return found.stream()
                .filter(provider -> id.isEmpty() || provider.id().equals(id))
                .filter(provider -> provider.availability().available())
                .max(Comparator.comparingInt(DiscoveryProvider::priority))
                .orElseThrow(() -> new IllegalStateException("no " + (id.isEmpty() ? "" : "'" + id + "' ")
                        + "discovery provider is available; found " + found.stream().map(DiscoveryProvider::id)
                        .toList() + ": put tom-discovery-gossip on the class or module path"));
    }

    private GossipSimulationResult execute(String providerId) {
        network.onDelivery(this::delivered);
        network.onFrame((from, to, frame) -> {
            for (BroadcastProbe probe : recent) {
                if (probe.carries(frame)) {
                    probe.payloadFrame();
                    return;
                }
            }
        });
        buildOverlay();
        List<BroadcastProbe> warmup = new ArrayList<>();
        for (int i = 0; i < settings.warmupBroadcasts(); i++) {
            warmup.add(broadcastRound(0));
        }
        OverlayStats before = OverlayMeter.measure(network);
        failNodes();
        List<BroadcastProbe> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.recoveryRounds(); round++) {
            rounds.add(broadcastRound(round));
        }
        OverlayStats after = OverlayMeter.measure(network);
        // Let the last broadcasts finish spreading: every broadcast is measured once it stopped.
        runtime.runFor(Duration.ofMillis(settings.roundMillis()));
        List<BroadcastStats> roundStats = stats(rounds);
        return new GossipSimulationResult(settings, providerId, settings.failedNodes(),
                settings.nodes() - settings.failedNodes(), before, stats(warmup), roundStats,
                roundsToHeal(roundStats), after,
                network.counts(), runtime.nowMillis() - VirtualRuntime.DEFAULT_START.toEpochMilli(),
                runtime.eventsProcessed(), 0);
    }

    private void buildOverlay() {
        for (int i = 0; i < settings.nodes(); i++) {
            NodeId id = network.addNode();
            ids.add(id);
            indexOf.put(id, i);
            alive[i] = true;
        }
        for (int i = 0; i < settings.nodes(); i++) {
            NodeId node = ids.get(i);
            List<NodeId> bootstrap = i == 0 ? List.of() : List.of(ids.get(random.nextInt(i)));
            runtime.schedule(i * settings.joinIntervalMillis(), () -> network.start(node, bootstrap));
        }
        runtime.runFor(Duration.ofMillis(settings.nodes() * settings.joinIntervalMillis()
                + settings.stabiliseMillis()));
    }

    private void failNodes() {
        int[] order = new int[settings.nodes()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < settings.failedNodes(); i++) {
            int pick = i + random.nextInt(order.length - i);
            int chosen = order[pick];
            order[pick] = order[i];
            order[i] = chosen;
            alive[chosen] = false;
            network.fail(ids.get(chosen));
        }
    }

    private static List<BroadcastStats> stats(List<BroadcastProbe> probes) {
        return probes.stream().map(BroadcastProbe::stats).toList();
    }

    /** Broadcasts from a random live node, then lets a round of virtual time pass. */
    private BroadcastProbe broadcastRound(int round) {
        int origin;
        do {
            origin = random.nextInt(settings.nodes());
        } while (!alive[origin]);
        byte[] payload = new byte[settings.payloadBytes()];
        random.nextBytes(payload);
        BroadcastProbe probe = new BroadcastProbe(round, origin, payload, alive, runtime.nowMillis());
        probesByMarker.put(markerKey(payload), probe);
        recent.addFirst(probe);
        if (recent.size() > RECENT_PROBES) {
            recent.removeLast();
        }
        network.broadcast(ids.get(origin), payload);
        runtime.runFor(Duration.ofMillis(settings.roundMillis()));
        return probe;
    }

    private void delivered(NodeId node, NodeId from, byte[] payload) {
        if (payload.length < BroadcastProbe.MARKER_BYTES) {
            return;
        }
        BroadcastProbe probe = probesByMarker.get(markerKey(payload));
        if (probe != null && probe.isPayload(payload)) {
            Integer fromIndex = indexOf.get(from);
            probe.delivered(indexOf.get(node), fromIndex == null ? -1 : fromIndex, runtime.nowMillis());
        }
    }

    private static long markerKey(byte[] payload) {
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (payload[i] & 0xFFL);
        }
        return key;
    }

    private static int roundsToHeal(List<BroadcastStats> rounds) {
        int firstOfCompleteTail = rounds.size();
        while (firstOfCompleteTail > 0 && rounds.get(firstOfCompleteTail - 1).complete()) {
            firstOfCompleteTail--;
        }
        return firstOfCompleteTail == rounds.size() ? -1 : firstOfCompleteTail;
    }
}
