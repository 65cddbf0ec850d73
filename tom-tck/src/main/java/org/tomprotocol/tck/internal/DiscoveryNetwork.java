package org.tomprotocol.tck.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.opentest4j.AssertionFailedError;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.spi.discovery.Validation;

/**
 * Discovery instances of the provider under test on a small simulated network, on explicit time: the
 * engine's part played as the engine plays it. A send opens a session on demand (both sides get
 * {@code onConnected}, then the frame), one way takes {@value #LATENCY_MILLIS} ms; a node may only reach peers whose
 * address it was told or with which it has a session; a crashed node's peers learn it
 * {@value #DETECTION_MILLIS} ms later ({@code onDisconnected}). Payloads to validate are answered a millisecond later
 * by the judge (everything is accepted by default), or held until the check answers. After every call into a
 * discovery its timers are run at once, as the engine's agent does.
 *
 * <p>What a discovery does against the contract is recorded as a {@link Violation}, not thrown, so a check can look
 * for the one it is about.
 */
public final class DiscoveryNetwork {
    /** One-way latency. */
    public static final long LATENCY_MILLIS = 10;
    /** How long after a crash its peers' sessions end. */
    public static final long DETECTION_MILLIS = 1_000;
    /** More events than this in one run means the nodes never rest. */
    private static final long MAX_EVENTS_PER_RUN = 500_000;
    private static final int MAX_TRACE = 200_000;

    /** A breach of the contract, seen while the network ran. */
    public enum Violation {
        /** A discovery threw from one of its methods. */
        THREW,
        /** It called its context outside its own calls or from another thread. */
        OUTSIDE_ITS_CALLS,
        /** {@code onTimer} returned a time that is not in the future. */
        TIMER_NOT_IN_THE_FUTURE,
        /** {@code neighbors()} differs from the peers reported up and not down. */
        NEIGHBOURS_OUT_OF_STEP,
        /** It sent to a peer whose address it was never told and with which it had no session. */
        UNKNOWN_ADDRESS
    }

    /** A frame one node sent another. */
    public record Sent(NodeId from, NodeId to, byte[] frame) {
    }

    private record Event(long at, long sequence, Runnable action) {
    }

    private final DiscoveryProvider provider;
    private final Map<String, String> options;
    private final long seed;
    private final SplittableRandom ids;
    private final List<SimulatedPeer> peers = new ArrayList<>();
    private final Map<NodeId, SimulatedPeer> byId = new HashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at() != b.at()
            ? Long.compare(a.at(), b.at()) : Long.compare(a.sequence(), b.sequence()));
    private final Map<Violation, List<String>> violations = new EnumMap<>(Violation.class);
    private final List<String> trace = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Set<Set<NodeId>> onlyLinks = new HashSet<>();
    private BiFunction<NodeId, byte[], Validation> judge = (node, payload) -> Validation.ACCEPT;
    private long now;
    private long sequence;

    public DiscoveryNetwork(DiscoveryProvider provider, Map<String, String> options, long seed) {
        this.provider = provider;
        this.options = Map.copyOf(options);
        this.seed = seed;
        this.ids = new SplittableRandom(seed);
        for (Violation kind : Violation.values()) {
            violations.put(kind, new ArrayList<>());
        }
    }

    /**
     * Creates one node's discovery with {@code options} and starts it, outside any network: what the provider
     * throws (refusing an option, say) comes out of this call.
     */
    public static void startOne(DiscoveryProvider provider, Map<String, String> options) {
        DiscoveryNetwork alone = new DiscoveryNetwork(provider, options, 1);
        SimulatedPeer peer = alone.peer(alone.addNodes(1).getFirst());
        peer.discovery = provider.create(peer);
        peer.discovery.start(0);
        peer.discovery.onTimer(0);
    }

    /** Adds {@code count} nodes, not started. */
    public List<NodeId> addNodes(int count) {
        List<NodeId> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] key = new byte[NodeId.LENGTH];
            ids.nextBytes(key);
            NodeId id = NodeId.of(key);
            SimulatedPeer peer = new SimulatedPeer(this, peers.size(), id, seed * 31 + peers.size(), options);
            peers.add(peer);
            byId.put(id, peer);
            added.add(id);
        }
        return added;
    }

    /** A node id that belongs to no node of the network. */
    public NodeId stranger() {
        byte[] key = new byte[NodeId.LENGTH];
        Arrays.fill(key, (byte) 0x7e);
        return NodeId.of(key);
    }

    /** From now on, only the given pairs of nodes can reach each other (others fail to connect). */
    public void linkOnly(NodeId a, NodeId b) {
        onlyLinks.add(Set.of(a, b));
    }

    /** Who judges the payloads nodes ask to validate (by default, all are accepted). */
    public void judge(BiFunction<NodeId, byte[], Validation> validator) {
        this.judge = validator;
    }

    /** Creates and starts {@code node}'s discovery at {@code at}, with {@code bootstrap} as its bootstrap peers. */
    public void start(NodeId node, List<NodeId> bootstrap, long at) {
        SimulatedPeer peer = peer(node);
        schedule(at, () -> {
            peer.bootstrap(addressesOf(bootstrap));
            peer.knownAddresses.addAll(bootstrap);
            peer.enter("create", () -> peer.discovery = provider.create(peer));
            peer.enter("start", () -> peer.discovery.start(now));
            timersDue(peer);
        });
    }

    /** Makes {@code node} join through {@code others} at {@code at}. */
    public void join(NodeId node, List<NodeId> others, long at) {
        SimulatedPeer peer = peer(node);
        schedule(at, () -> {
            peer.knownAddresses.addAll(others);
            call(peer, "join", () -> peer.discovery.join(addressesOf(others), now));
        });
    }

    /** {@code node} broadcasts {@code payload} at {@code at}. */
    public void broadcast(NodeId node, byte[] payload, long at) {
        SimulatedPeer peer = peer(node);
        byte[] copy = payload.clone();
        schedule(at, () -> call(peer, "broadcast", () -> peer.discovery.broadcast(copy, now)));
    }

    /** Crashes {@code node} at {@code at}: it goes silent; its peers learn it when their sessions time out. */
    public void crash(NodeId node, long at) {
        SimulatedPeer crashed = peer(node);
        schedule(at, () -> {
            crashed.alive = false;
            for (NodeId other : List.copyOf(crashed.sessions)) {
                SimulatedPeer survivor = peer(other);
                crashed.sessions.remove(other);
                schedule(now + DETECTION_MILLIS, () -> {
                    survivor.sessions.remove(node);
                    call(survivor, "onDisconnected", () -> survivor.discovery.onDisconnected(node, now));
                });
            }
        });
    }

    /** Whether {@code node} holds the payloads it is asked to validate until {@link #answerHeld}. */
    public void holdVerdicts(NodeId node, boolean hold) {
        peer(node).holdVerdicts = hold;
    }

    /** Answers now every validation {@code node} holds. */
    public void answerHeld(NodeId node, Validation verdict) {
        SimulatedPeer peer = peer(node);
        List<Long> tickets = List.copyOf(peer.held);
        peer.held.clear();
        for (long ticket : tickets) {
            peer.answer(ticket, verdict, now);
            timersDue(peer);
        }
    }

    /** Answers now, with {@code verdict}, whatever {@code ticket} is to {@code node}. */
    public void answer(NodeId node, long ticket, Validation verdict) {
        SimulatedPeer peer = peer(node);
        peer.answer(ticket, verdict, now);
        timersDue(peer);
    }

    /** Hands {@code frame} to {@code node} now, as if {@code from} had sent it. */
    public void inject(NodeId node, NodeId from, byte[] frame) {
        SimulatedPeer peer = peer(node);
        call(peer, "onFrame", () -> peer.discovery.onFrame(from, frame.clone(), now));
    }

    /**
     * Runs every event up to and including {@code time}.
     *
     * @throws AssertionFailedError if the nodes do not let the network rest (a broadcast storm, a busy timer)
     */
    public void runUntil(long time) {
        long budget = MAX_EVENTS_PER_RUN;
        while (!events.isEmpty() && events.peek().at() <= time) {
            if (budget-- == 0) {
                throw new AssertionFailedError("the nodes never let the network rest: over " + MAX_EVENTS_PER_RUN
                        + " events before " + time + " ms (a broadcast that never stops spreading?)");
            }
            Event next = events.poll();
            now = next.at();
            next.action().run();
        }
        now = Math.max(now, time);
    }

    /** The simulated time. */
    public long now() {
        return now;
    }

    /** How many times {@code node} was asked to validate {@code payload}. */
    public long validations(NodeId node, byte[] payload) {
        return peer(node).validations.stream().filter(v -> Arrays.equals(v.payload(), payload)).count();
    }

    /** The tickets of every validation {@code node} was asked for. */
    public List<Long> tickets(NodeId node) {
        return peer(node).validations.stream().map(SimulatedPeer.Validating::ticket).toList();
    }

    /** Whether {@code node} took {@code payload} in (its validation was answered ACCEPT). */
    public boolean delivered(NodeId node, byte[] payload) {
        return peer(node).delivered.stream().anyMatch(p -> Arrays.equals(p, payload));
    }

    /** The reasons {@code node} gave for refusing input. */
    public List<String> rejections(NodeId node) {
        return List.copyOf(peer(node).rejections);
    }

    /** The peers {@code node} reports as neighbours now. */
    public Set<NodeId> neighbors(NodeId node) {
        return Set.copyOf(peer(node).reportedUp);
    }

    /** The breaches of {@code kind} seen so far. */
    public List<String> violations(Violation kind) {
        return List.copyOf(violations.get(kind));
    }

    /** Everything the nodes did, in order: equal for two runs from one seed. */
    public List<String> trace() {
        return List.copyOf(trace);
    }

    /** The frames sent to {@code node} so far. */
    public List<Sent> framesTo(NodeId node) {
        return sent.stream().filter(s -> s.to().equals(node)).toList();
    }

    // ---- used by SimulatedPeer ----

    void violation(Violation kind, String what) {
        List<String> seen = violations.get(kind);
        if (seen.size() < 20) {
            seen.add("at " + now + " ms: " + what);
        }
    }

    void trace(String line) {
        if (trace.size() < MAX_TRACE) {
            trace.add(now + " " + line);
        }
    }

    String describe(NodeId node) {
        SimulatedPeer peer = byId.get(node);
        return peer == null ? node.shortForm() : Integer.toString(peer.index);
    }

    boolean addressMatches(PeerAddress peer) {
        SimulatedPeer known = byId.get(peer.id());
        return known != null && peer.addresses().contains(known.address);
    }

    void answerSoon(SimulatedPeer peer, long ticket, byte[] payload) {
        schedule(now + 1, () -> {
            peer.answer(ticket, judge.apply(peer.id, payload), now);
            timersDue(peer);
        });
    }

    void transmit(SimulatedPeer from, NodeId to, byte[] frame) {
        trace("send " + from.index + ">" + describe(to) + " " + frame.length + "B #" + Arrays.hashCode(frame));
        if (sent.size() < 20_000) {
            sent.add(new Sent(from.id, to, frame));
        }
        SimulatedPeer target = byId.get(to);
        if (!from.sessions.contains(to) && !from.knownAddresses.contains(to)) {
            violation(Violation.UNKNOWN_ADDRESS, "node " + from.index + " sent to " + describe(to)
                    + ", whose address it was never told");
            return;
        }
        if (target == null || !target.alive || target == from
                || (!onlyLinks.isEmpty() && !onlyLinks.contains(Set.of(from.id, to)))) {
            return; // the connection fails; the engine only counts it
        }
        if (!from.sessions.contains(to)) {
            from.sessions.add(to);
            target.sessions.add(from.id);
            schedule(now + LATENCY_MILLIS, () -> {
                call(target, "onConnected", () -> target.discovery.onConnected(from.id, now));
                call(from, "onConnected", () -> from.discovery.onConnected(to, now));
            });
        }
        schedule(now + LATENCY_MILLIS, () -> {
            if (target.sessions.contains(from.id)) {
                call(target, "onFrame", () -> target.discovery.onFrame(from.id, frame, now));
            }
        });
    }

    private void call(SimulatedPeer peer, String what, Runnable action) {
        if (peer.discovery == null) {
            return;
        }
        peer.enter(what, action);
        timersDue(peer);
    }

    /** The engine asks for the next deadline after every call into discovery. */
    private void timersDue(SimulatedPeer peer) {
        long generation = ++peer.timerGeneration;
        schedule(now, () -> runTimers(peer, generation));
    }

    private void runTimers(SimulatedPeer peer, long generation) {
        if (generation != peer.timerGeneration || peer.discovery == null || !peer.alive) {
            return;
        }
        long[] next = {Long.MAX_VALUE};
        peer.enter("onTimer", () -> next[0] = peer.discovery.onTimer(now));
        if (next[0] <= now) {
            violation(Violation.TIMER_NOT_IN_THE_FUTURE, "node " + peer.index + " asked for its timer at "
                    + next[0] + " when called at " + now);
            next[0] = now + 1;
        }
        if (next[0] != Long.MAX_VALUE) {
            long due = next[0];
            schedule(due, () -> runTimers(peer, generation));
        }
    }

    private void schedule(long at, Runnable action) {
        events.add(new Event(Math.max(at, now), sequence++, action));
    }

    private List<PeerAddress> addressesOf(List<NodeId> nodes) {
        return nodes.stream().map(node -> PeerAddress.of(node, peer(node).address)).toList();
    }

    private SimulatedPeer peer(NodeId node) {
        SimulatedPeer peer = byId.get(node);
        if (peer == null) {
            throw new IllegalArgumentException("no node " + node.shortForm() + " in the network");
        }
        return peer;
    }
}
