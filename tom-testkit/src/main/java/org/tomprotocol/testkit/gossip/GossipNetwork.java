package org.tomprotocol.testkit.gossip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.spi.discovery.Validation;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * A lightweight event network for discovery instances only: thousands of {@link DiscoveryProvider} nodes
 * exchanging their frames on a {@link VirtualRuntime}, without engines, crypto or transports.
 *
 * <p><b>SimulatedLinks.</b> Each pair of nodes has a fixed one-way latency drawn uniformly from
 * {@code [minLatency, maxLatency]} (from the seed and the pair, so it costs no memory). A send to a node
 * without an open session opens one on demand, as a transport would: the frame arrives after a handshake
 * (one round trip) plus the latency, and both sides get {@code onConnected}. Frames on a session keep their
 * order.
 *
 * <p><b>Addresses.</b> A node may only send to peers whose address it was told ({@code learnAddresses}, or the
 * bootstrap list) or with which it has a session; other sends are dropped and counted, since a real
 * transport would not know where to go.
 *
 * <p><b>Failures.</b> A crashed or partitioned-away node receives nothing. Its peers learn that their session
 * broke the way a transport tells them ({@code onDisconnected}): one round trip after they next send on it,
 * or after the idle timeout if they stay silent. A send to it without a session is lost silently (a connect
 * that times out).
 *
 * <p><b>Validation.</b> A payload a node is asked to validate gets its verdict from the network's
 * {@link PayloadValidator} (by default every payload is accepted) as a separate event at the same virtual
 * instant, as the engine answers from another thread; an accepted payload counts as delivered by that node.
 *
 * <p>Every method must be called from the runtime's thread, between or inside its events.
 */
public final class GossipNetwork {
    /** Default smallest one-way latency. */
    public static final long DEFAULT_MIN_LATENCY_MILLIS = 10;
    /** Default largest one-way latency. */
    public static final long DEFAULT_MAX_LATENCY_MILLIS = 50;
    /** Default time after which a silent session to an unreachable peer is reported broken. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(5);
    /** The transport scheme of simulated addresses. */
    public static final String SCHEME = SimAddresses.SCHEME;

    /** Told of every payload a node delivers. */
    @FunctionalInterface
    public interface DeliveryListener {
        /** {@code node} delivered {@code payload}, received from neighbour {@code from}; do not keep the array. */
        void delivered(NodeId node, NodeId from, byte[] payload);
    }

    /** Told of every frame a live node receives. */
    @FunctionalInterface
    public interface FrameListener {
        /** {@code to} received {@code frame} from {@code from}; do not keep or change the array. */
        void received(NodeId from, NodeId to, byte[] frame);
    }

    final NetworkCounters counters = new NetworkCounters();
    private final VirtualRuntime runtime;
    private final DiscoveryProvider provider;
    private final long seed;
    private final SplittableRandom idSource;
    private final List<SimulatedNode> nodes = new ArrayList<>();
    private final Map<NodeId, SimulatedNode> byId = new HashMap<>();
    private final Map<Long, Long> handshakes = new HashMap<>();
    private final List<FrameListener> frameListeners = new ArrayList<>();
    private final Deliveries deliveries = new Deliveries(counters);
    private final SimulatedLinks links;
    private Map<String, String> options = Map.of();

    /** A network on {@code runtime} whose nodes run {@code provider}'s discovery; {@code seed} drives all randomness. */
    public GossipNetwork(VirtualRuntime runtime, DiscoveryProvider provider, long seed) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.seed = seed;
        this.idSource = new SplittableRandom(seed);
        this.links = new SimulatedLinks(seed);
    }

    /** Sets the range of one-way latencies. */
    public GossipNetwork latency(long minMillis, long maxMillis) {
        links.latency(minMillis, maxMillis);
        return this;
    }

    /** Sets how long a silent session to an unreachable peer lasts before it is reported broken. */
    public GossipNetwork idleTimeout(Duration timeout) {
        links.idleTimeout(timeout);
        return this;
    }

    /** Options given to the discovery of every node added from now on. */
    public GossipNetwork options(Map<String, String> nodeOptions) {
        this.options = Map.copyOf(nodeOptions);
        return this;
    }

    /** How every node judges the payloads it is asked to validate (by default, all are accepted). */
    public GossipNetwork validator(PayloadValidator payloadValidator) {
        deliveries.validator(payloadValidator);
        return this;
    }

    /** Adds a node, not started yet; its id comes from the seed. */
    public NodeId addNode() {
        byte[] key = new byte[NodeId.LENGTH];
        idSource.nextBytes(key);
        NodeId id = NodeId.of(key);
        SimulatedNode node = new SimulatedNode(this, nodes.size(), id, seed * 31 + nodes.size(), options);
        nodes.add(node);
        byId.put(id, node);
        return id;
    }

    /** Where {@code node} can be reached. */
    public TransportAddress addressOf(NodeId node) {
        return node(node).address;
    }

    /** Creates {@code node}'s discovery and starts it with {@code bootstrap} as its bootstrap peers. */
    public void start(NodeId node, List<NodeId> bootstrap) {
        SimulatedNode started = node(node);
        if (started.started()) {
            throw new IllegalStateException("node " + node.shortForm() + " is already started");
        }
        List<PeerAddress> peers = new ArrayList<>();
        for (NodeId peer : bootstrap) {
            SimulatedNode contact = node(peer);
            started.knownAddresses.set(contact.index);
            peers.add(PeerAddress.of(peer, contact.address));
        }
        started.bootstrap(peers);
        started.discovery = provider.create(started);
        started.discovery.start(runtime.nowMillis());
        reschedule(started);
    }

    /** Tells {@code node} to join through {@code peers} as the application would ({@code addPeer}). */
    public void join(NodeId node, List<NodeId> peers) {
        SimulatedNode joining = node(node);
        List<PeerAddress> addresses = new ArrayList<>();
        for (NodeId peer : peers) {
            SimulatedNode contact = node(peer);
            joining.knownAddresses.set(contact.index);
            addresses.add(PeerAddress.of(peer, contact.address));
        }
        joining.discovery.join(addresses, runtime.nowMillis());
        reschedule(joining);
    }

    /** Asks {@code origin} to broadcast {@code payload}. */
    public void broadcast(NodeId origin, byte[] payload) {
        SimulatedNode node = node(origin);
        node.discovery.broadcast(payload.clone(), runtime.nowMillis());
        reschedule(node);
    }

    /** Crashes {@code node}: it stops at once and silently. */
    public void fail(NodeId node) {
        SimulatedNode failed = node(node);
        if (!failed.alive) {
            return;
        }
        failed.alive = false;
        failed.wakeAt = Long.MAX_VALUE;
        for (int peer = failed.sessions.nextSetBit(0); peer >= 0; peer = failed.sessions.nextSetBit(peer + 1)) {
            watchIdle(nodes.get(peer), failed);
        }
        failed.sessions.clear();
    }

    /**
     * Cuts every node of {@code sideA} off from every node of {@code sideB} until {@link #heal()}, replacing
     * any previous partition.
     *
     * @throws IllegalArgumentException if a side is empty or a node is on both sides
     */
    public void partition(Collection<NodeId> sideA, Collection<NodeId> sideB) {
        links.partition(indexes(sideA), indexes(sideB));
        for (SimulatedNode node : nodes) {
            for (int peer = node.sessions.nextSetBit(0); peer >= 0; peer = node.sessions.nextSetBit(peer + 1)) {
                if (links.separated(node.index, peer)) {
                    watchIdle(node, nodes.get(peer));
                }
            }
        }
    }

    /** Removes the partition. Broken sessions stay broken; new ones open on demand. */
    public void heal() {
        links.heal();
    }

    /** Calls {@code listener} for every delivery from now on. */
    public void onDelivery(DeliveryListener listener) {
        deliveries.listen(listener);
    }

    /** Calls {@code listener} for every frame a live node receives from now on. */
    public void onFrame(FrameListener listener) {
        frameListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Every node, in the order added. */
    public List<NodeId> nodes() {
        return nodes.stream().map(node -> node.id).toList();
    }

    /** The nodes that did not crash, in the order added. */
    public List<NodeId> liveNodes() {
        return nodes.stream().filter(node -> node.alive).map(node -> node.id).toList();
    }

    public boolean isAlive(NodeId node) {
        return node(node).alive;
    }

    /** {@code node}'s discovery neighbours (empty before it starts). */
    public Set<NodeId> neighbors(NodeId node) {
        SimulatedNode simulated = node(node);
        return simulated.started() ? simulated.discovery.neighbors() : Set.of();
    }

    /** The peers whose address {@code node} was told, in the order added. */
    public Set<NodeId> knownPeers(NodeId node) {
        SimulatedNode simulated = node(node);
        Set<NodeId> known = new LinkedHashSet<>();
        simulated.knownAddresses.stream().forEach(index -> known.add(nodes.get(index).id));
        return known;
    }

    /** Whether {@code node} delivered {@code payload}. */
    public boolean hasDelivered(NodeId node, byte[] payload) {
        return deliveries.hasDelivered(node(node), payload);
    }

    /** A copy of the counters. */
    public NetworkCounts counts() {
        return counters.snapshot();
    }

    /** The runtime the network runs on. */
    public VirtualRuntime runtime() {
        return runtime;
    }

    // ---- called by the nodes, on the runtime's thread ----

    void transmit(SimulatedNode from, NodeId peer, byte[] frame) {
        counters.framesSent++;
        SimulatedNode to = byId.get(peer);
        if (to == null || to == from || !from.alive || !to.started()) {
            counters.framesLost++;
            return;
        }
        boolean session = from.sessions.get(to.index);
        if (!session && !from.knownAddresses.get(to.index)) {
            counters.sendsWithoutAddress++;
            return;
        }
        long latency = links.latency(from.index, to.index);
        if (!reachable(from, to)) {
            counters.framesLost++;
            if (session) {
                from.sessions.clear(to.index);
                runtime.schedule(2 * latency, () -> sessionBroke(from, to));
            }
            return;
        }
        long now = runtime.nowMillis();
        long key = SimulatedLinks.pairKey(from.index, to.index);
        long arrival;
        if (session) {
            Long ready = handshakes.get(key);
            arrival = (ready == null ? now : Math.max(now, ready)) + latency;
        } else {
            counters.sessionsOpened++;
            from.sessions.set(to.index);
            to.sessions.set(from.index);
            long ready = now + 2 * latency;
            handshakes.put(key, ready);
            runtime.schedule(latency, () -> connected(to, from));
            runtime.schedule(2 * latency, () -> {
                handshakes.remove(key, ready);
                connected(from, to);
            });
            arrival = ready + latency;
        }
        runtime.schedule(arrival - now, () -> receive(from, to, frame));
    }

    void learn(SimulatedNode node, PeerAddress peer) {
        for (TransportAddress address : peer.addresses()) {
            SimulatedNode owner = ownerOf(address);
            if (owner == null || !owner.id.equals(peer.id())) {
                counters.wrongAddresses++;
            } else if (owner != node) {
                node.knownAddresses.set(owner.index);
            }
        }
    }

    /** {@code node} asked for a verdict on {@code payload}: it comes as the next event, at the same instant. */
    void validate(SimulatedNode node, long ticket, NodeId from, byte[] payload) {
        runtime.schedule(0, () -> {
            if (!node.alive) {
                return;
            }
            Validation verdict = deliveries.judge(node, from, payload);
            node.discovery.onValidated(ticket, verdict, runtime.nowMillis());
            reschedule(node);
        });
    }

    private void receive(SimulatedNode from, SimulatedNode to, byte[] frame) {
        if (!to.alive || !to.started() || links.separated(from.index, to.index)) {
            counters.framesLost++;
            return;
        }
        counters.framesDelivered++;
        for (FrameListener listener : frameListeners) {
            listener.received(from.id, to.id, frame);
        }
        to.discovery.onFrame(from.id, frame, runtime.nowMillis());
        reschedule(to);
    }

    private void connected(SimulatedNode node, SimulatedNode peer) {
        if (node.alive && node.started() && node.sessions.get(peer.index)) {
            node.discovery.onConnected(peer.id, runtime.nowMillis());
            reschedule(node);
        }
    }

    /** The session of {@code node} to {@code peer} was found broken by a send. */
    private void sessionBroke(SimulatedNode node, SimulatedNode peer) {
        if (node.alive && !node.sessions.get(peer.index)) {
            node.discovery.onDisconnected(peer.id, runtime.nowMillis());
            reschedule(node);
        }
    }

    /** Reports {@code node}'s session to {@code peer} broken after the idle timeout, unless used or healed first. */
    private void watchIdle(SimulatedNode node, SimulatedNode peer) {
        runtime.schedule(links.idleTimeoutMillis(), () -> {
            if (node.alive && node.sessions.get(peer.index) && !reachable(node, peer)) {
                node.sessions.clear(peer.index);
                node.discovery.onDisconnected(peer.id, runtime.nowMillis());
                reschedule(node);
            }
        });
    }

    private boolean reachable(SimulatedNode from, SimulatedNode to) {
        return from.alive && to.alive && !links.separated(from.index, to.index);
    }

    /** Runs the node's due timers and arranges to be woken at its next one, as the engine's agent does. */
    private void reschedule(SimulatedNode node) {
        if (!node.alive) {
            return;
        }
        long now = runtime.nowMillis();
        long next = node.discovery.onTimer(now);
        if (next < node.wakeAt) {
            node.wakeAt = next;
            runtime.schedule(Math.max(0, next - now), () -> wake(node, next));
        }
    }

    private void wake(SimulatedNode node, long at) {
        if (node.alive && node.wakeAt == at) {
            node.wakeAt = Long.MAX_VALUE;
            reschedule(node);
        }
    }

    private SimulatedNode ownerOf(TransportAddress address) {
        int index = SimAddresses.indexOf(address);
        return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
    }

    private SimulatedNode node(NodeId id) {
        SimulatedNode node = byId.get(Objects.requireNonNull(id, "node"));
        if (node == null) {
            throw new IllegalArgumentException("node " + id.shortForm() + " is not part of this network");
        }
        return node;
    }

    private int[] indexes(Collection<NodeId> ids) {
        return ids.stream().mapToInt(id -> node(id).index).toArray();
    }
}
