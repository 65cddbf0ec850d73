package org.tomprotocol.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.testkit.internal.DeferredActions;
import org.tomprotocol.testkit.internal.Partitions;

/**
 * An in-memory network for {@code mem} transports: per-link latency, jitter, loss, duplication and
 * reordering ({@link LinkModel}), partitions, crashes, session timeouts and counters. All randomness comes
 * from one generator seeded at construction and every iteration order is fixed, so on a
 * {@link VirtualRuntime} the same seed and the same inputs give the same run.
 *
 * <p>Transports join with {@link #transportProvider()}. A crashed node's transports go silent: nothing
 * reaches them, nothing leaves them, their listener is never called again, and their peers notice only by
 * the session timeout. The node "restarts" by binding a new transport with the same id, which takes over the
 * crashed transport's addresses. Frames sent during a partition are lost; sessions survive a partition
 * shorter than the session timeout.
 *
 * <p>Thread-safe; observers and listeners are called without the network's lock held, from the scheduler.
 */
public final class MemoryNetwork {
    /** How long {@code connect} waits for an unreachable peer by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** How long an open session survives an unreachable peer by default (like a QUIC idle timeout). */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(5);

    private record DirectedLink(NodeId from, NodeId to) {
    }

    private static final class Shared {
        static final MemoryNetwork NETWORK = new MemoryNetwork(new RealTimeScheduler("tom-mem-shared-network"), 0L);
    }

    final Object lock = new Object();
    private final NetworkScheduler scheduler;
    private final Traffic traffic = new Traffic();
    private final Carrier carrier;
    private final Partitions partitions = new Partitions();
    private final Map<DirectedLink, LinkModel> linkOverrides = new HashMap<>();
    private final Map<TransportAddress, MemoryTransport> endpoints = new LinkedHashMap<>();
    private final Set<Session> sessions = new LinkedHashSet<>();
    private final MemoryTransportProvider provider;
    private LinkModel defaultLink = LinkModel.PERFECT;
    private long connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT.toMillis();
    private long sessionTimeoutMillis = DEFAULT_SESSION_TIMEOUT.toMillis();
    private long nextSessionId;

    /**
     * A network on {@code scheduler} whose randomness comes from {@code seed}. Every link starts
     * {@link LinkModel#PERFECT}.
     */
    public MemoryNetwork(NetworkScheduler scheduler, long seed) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.carrier = new Carrier(this, traffic, seed);
        this.provider = new MemoryTransportProvider(this);
    }

    /**
     * The process-wide network used by {@link MemoryTransportProvider}'s public constructor (and so by
     * {@link java.util.ServiceLoader}): real time on a daemon thread, perfect links.
     */
    public static MemoryNetwork shared() {
        return Shared.NETWORK;
    }

    /** The {@code mem} transport provider bound to this network, for {@code Tom.node().provider(...)}. */
    public MemoryTransportProvider transportProvider() {
        return provider;
    }

    /** The scheduler this network runs on. */
    public NetworkScheduler scheduler() {
        return scheduler;
    }

    /** Sets the model of every link without an override. */
    public MemoryNetwork defaultLink(LinkModel model) {
        Objects.requireNonNull(model, "model");
        synchronized (lock) {
            defaultLink = model;
        }
        return this;
    }

    /** Sets the model of the one-way link {@code from -> to}, overriding the default. */
    public MemoryNetwork link(NodeId from, NodeId to, LinkModel model) {
        DirectedLink key = new DirectedLink(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
        Objects.requireNonNull(model, "model");
        synchronized (lock) {
            linkOverrides.put(key, model);
        }
        return this;
    }

    /** The model in force for the one-way link {@code from -> to}. */
    public LinkModel linkModel(NodeId from, NodeId to) {
        synchronized (lock) {
            return linkOverrides.getOrDefault(new DirectedLink(from, to), defaultLink);
        }
    }

    /** Sets how long {@code connect} waits for an unreachable peer before failing. */
    public MemoryNetwork connectTimeout(Duration timeout) {
        long millis = positiveMillis(timeout, "connect timeout");
        synchronized (lock) {
            connectTimeoutMillis = millis;
        }
        return this;
    }

    /** Sets how long an open session survives a crashed or partitioned-away peer before it is reported ended. */
    public MemoryNetwork sessionTimeout(Duration timeout) {
        long millis = positiveMillis(timeout, "session timeout");
        synchronized (lock) {
            sessionTimeoutMillis = millis;
        }
        return this;
    }

    private static long positiveMillis(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + duration);
        }
        return duration.toMillis();
    }

    /**
     * Cuts every node of {@code sideA} off from every node of {@code sideB}, both ways, until {@link #heal()}.
     * Cuts accumulate.
     *
     * @throws IllegalArgumentException if a side is empty or a node is on both sides
     */
    public void partition(Collection<NodeId> sideA, Collection<NodeId> sideB) {
        synchronized (lock) {
            partitions.add(sideA, sideB);
            reevaluateSessions();
        }
    }

    /** Removes every partition. Sessions whose timeout has not expired carry on. */
    public void heal() {
        synchronized (lock) {
            partitions.clear();
            reevaluateSessions();
        }
    }

    /** Whether a partition separates {@code a} from {@code b}. */
    public boolean isPartitioned(NodeId a, NodeId b) {
        synchronized (lock) {
            return partitions.separated(a, b);
        }
    }

    /**
     * Crashes every open transport of {@code node}: it silently stops sending and receiving, like a killed
     * process. Bind a new transport with the same id to restart it.
     *
     * @return whether a transport of {@code node} was running
     */
    /**
     * Decides, frame by frame, which frames to drop on purpose (fault injection by content, e.g. "lose the
     * first acknowledgement"). The filter sees each data frame once, when it is sent; it must not keep the
     * array. Replaces any previous filter; {@code null} removes it.
     */
    public MemoryNetwork dropFrames(FrameFilter filter) {
        synchronized (lock) {
            this.frameFilter = filter;
        }
        return this;
    }

    /** Chooses frames to drop; see {@link #dropFrames}. */
    @FunctionalInterface
    public interface FrameFilter {
        /** Whether to drop this frame. */
        boolean drop(NodeId from, NodeId to, FrameChannel channel, byte[] frame);
    }

    private FrameFilter frameFilter;

    boolean filtered(NodeId from, NodeId to, FrameChannel channel, byte[] frame) {
        FrameFilter filter = frameFilter;
        return filter != null && filter.drop(from, to, channel, frame);
    }

    public boolean crash(NodeId node) {
        Objects.requireNonNull(node, "node");
        synchronized (lock) {
            boolean crashed = false;
            for (MemoryTransport transport : new LinkedHashSet<>(endpoints.values())) {
                if (transport.id().equals(node)) {
                    crashed |= transport.crash();
                }
            }
            reevaluateSessions();
            return crashed;
        }
    }

    /** A snapshot of the counters. */
    public NetworkStats stats() {
        synchronized (lock) {
            return traffic.snapshot();
        }
    }

    /** Calls {@code observer} with the fate of every frame copy from now on, from the scheduler. */
    public void addObserver(Consumer<FrameEvent> observer) {
        traffic.addObserver(Objects.requireNonNull(observer, "observer"));
    }

    // ---- used by MemoryTransportProvider and MemoryTransport, under the lock unless said otherwise ----

    /** Binds a transport; takes the lock. */
    MemoryTransport bind(TransportContext context) throws TransportException {
        Objects.requireNonNull(context, "context");
        if (context.identity() == null) {
            throw new TransportException("the mem transport needs the node's identity in its TransportContext");
        }
        if (context.maxFrameBytes() <= 0) {
            throw new TransportException("maxFrameBytes must be positive, got " + context.maxFrameBytes());
        }
        Objects.requireNonNull(context.listener(), "listener");
        NodeId id = context.identity().id();
        List<TransportAddress> addresses = context.listen().stream()
                .filter(address -> MemoryTransportProvider.SCHEME.equals(address.scheme()))
                .distinct()
                .toList();
        if (addresses.isEmpty()) {
            addresses = List.of(MemoryTransportProvider.defaultAddress(id));
        }
        synchronized (lock) {
            for (TransportAddress address : addresses) {
                MemoryTransport holder = endpoints.get(address);
                if (holder != null && !holder.crashed()) {
                    throw new TransportException(address + " is already bound by node " + holder.id().shortForm()
                            + ": close that transport first or listen on another mem: address");
                }
            }
            MemoryTransport transport =
                    new MemoryTransport(this, id, addresses, context.maxFrameBytes(), context.listener());
            for (TransportAddress address : addresses) {
                endpoints.put(address, transport);
            }
            return transport;
        }
    }

    void unbind(MemoryTransport transport) {
        endpoints.values().removeIf(holder -> holder == transport);
    }

    /** The transport bound at {@code address}, or {@code null}. */
    MemoryTransport endpointAt(TransportAddress address) {
        return endpoints.get(address);
    }

    /** The known address to dial: the first one where {@code peer} is bound now, else the first known. */
    TransportAddress chooseAddress(NodeId peer, Collection<TransportAddress> known) {
        for (TransportAddress address : known) {
            MemoryTransport holder = endpoints.get(address);
            if (holder != null && holder.id().equals(peer)) {
                return address;
            }
        }
        return known.isEmpty() ? null : known.iterator().next();
    }

    Session newSession(MemoryTransport initiator, MemoryTransport responder, TransportAddress dialed) {
        Session session = new Session(nextSessionId++, initiator, responder, dialed);
        sessions.add(session);
        return session;
    }

    void sessionAccepted() {
        traffic.sessionOpened();
    }

    Carrier carrier() {
        return carrier;
    }

    long connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    long nowMillis() {
        return scheduler.nowMillis();
    }

    void scheduleAt(long atMillis, Runnable task) {
        scheduler.schedule(Math.max(0, atMillis - scheduler.nowMillis()), task);
    }

    /** Runs {@code actions} as a scheduler event, so that no listener runs inside a caller's API call. */
    void dispatchLater(DeferredActions actions) {
        if (!actions.isEmpty()) {
            scheduler.schedule(0, actions);
        }
    }

    boolean separated(NodeId a, NodeId b) {
        return partitions.separated(a, b);
    }

    /** Whether a message from {@code from} can reach {@code to} now. */
    boolean reachable(MemoryTransport from, MemoryTransport to) {
        return !from.crashed() && !to.crashed() && !partitions.separated(from.id(), to.id());
    }

    /** Re-arms the session's watchdogs after a state change and forgets it once both sides ended. */
    void sessionChanged(Session session) {
        watch(session.initiator);
        watch(session.responder);
        if (session.finished()) {
            sessions.remove(session);
        }
    }

    private void reevaluateSessions() {
        for (Session session : new ArrayList<>(sessions)) {
            sessionChanged(session);
        }
    }

    /** Arms the side's watchdog while its peer cannot answer, disarms it when the peer can again. */
    private void watch(Session.Side side) {
        boolean watched = side.state == Session.State.OPEN && !side.owner.closed() && !side.owner.crashed();
        if (!watched || peerAnswers(side)) {
            if (side.watchdogArmed) {
                side.watchdogArmed = false;
                side.watchdogGeneration++;
            }
            return;
        }
        if (side.watchdogArmed) {
            return;
        }
        side.watchdogArmed = true;
        long generation = ++side.watchdogGeneration;
        long timeout = sessionTimeoutMillis;
        scheduler.schedule(timeout, () -> expire(side, generation, timeout));
    }

    private boolean peerAnswers(Session.Side side) {
        MemoryTransport peer = side.peer();
        return side.peerSide().isLive() && !peer.closed() && reachable(side.owner, peer);
    }

    private void expire(Session.Side side, long generation, long timeoutMillis) {
        DeferredActions actions = new DeferredActions();
        synchronized (lock) {
            if (side.watchdogArmed && side.watchdogGeneration == generation) {
                side.watchdogArmed = false;
                side.owner.sessionTimedOut(side, "idle timeout: no answer from the peer for " + timeoutMillis + " ms",
                        actions);
            }
        }
        actions.run();
    }
}
