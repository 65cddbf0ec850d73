package org.tomprotocol.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportListener;
import org.tomprotocol.testkit.internal.DeferredActions;

/**
 * A {@code mem} transport bound to a {@link MemoryNetwork}. It reaches only peers whose address it was given
 * or that connected to it, keeps at most one session per peer, and calls its listener only from scheduler
 * events, never after {@link #close()}, never once crashed. All state is guarded by the network's lock.
 */
final class MemoryTransport implements Transport {
    private static final System.Logger LOG = System.getLogger(MemoryTransport.class.getName());

    private final MemoryNetwork network;
    private final NodeId id;
    private final List<TransportAddress> addresses;
    private final int maxFrameBytes;
    private final TransportListener listener;
    private final Map<NodeId, Set<TransportAddress>> peerAddresses = new HashMap<>();
    private final Map<NodeId, Session.Side> sessions = new LinkedHashMap<>();
    private final PendingConnects waiters = new PendingConnects();
    private boolean closed;
    private boolean crashed;

    MemoryTransport(MemoryNetwork network, NodeId id, List<TransportAddress> addresses, int maxFrameBytes,
                    TransportListener listener) {
        this.network = network;
        this.id = id;
        this.addresses = List.copyOf(addresses);
        this.maxFrameBytes = maxFrameBytes;
        this.listener = new FatalErrorReporter(listener);
    }

    NodeId id() {
        return id;
    }

    boolean closed() {
        return closed;
    }

    boolean crashed() {
        return crashed;
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return addresses;
    }

    @Override
    public Set<TransportCapability> capabilities() {
        return Set.of(TransportCapability.IN_PROCESS);
    }

    @Override
    public void addPeerAddresses(NodeId peer, Collection<TransportAddress> candidates) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(candidates, "addresses");
        synchronized (network.lock) {
            if (peer.equals(id)) {
                return;
            }
            for (TransportAddress address : candidates) {
                if (MemoryTransportProvider.SCHEME.equals(address.scheme())) {
                    peerAddresses.computeIfAbsent(peer, key -> new LinkedHashSet<>()).add(address);
                }
            }
        }
    }

    @Override
    public CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(channel, "channel");
        byte[] copy = Objects.requireNonNull(frame, "frame").clone();
        if (copy.length > maxFrameBytes) {
            return CompletableFuture.failedFuture(new TransportException("a frame of " + copy.length
                    + " bytes exceeds maxFrameBytes (" + maxFrameBytes + ") of node " + id.shortForm()));
        }
        DeferredActions actions = new DeferredActions();
        synchronized (network.lock) {
            if (closed) {
                return CompletableFuture.failedFuture(closedException());
            }
            Session.Side side = sessions.get(peer);
            if (side != null && side.state == Session.State.OPEN) {
                network.carrier().transmit(side, channel, copy, actions);
                network.dispatchLater(actions);
                return CompletableFuture.completedFuture(null);
            }
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        connect(peer).whenComplete((ignored, failure) -> {
            if (failure != null) {
                sent.completeExceptionally(failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failure);
            } else {
                sendOnOpenSession(peer, channel, copy, sent);
            }
        });
        return sent;
    }

    private void sendOnOpenSession(NodeId peer, FrameChannel channel, byte[] frame, CompletableFuture<Void> sent) {
        DeferredActions actions = new DeferredActions();
        boolean transmitted = false;
        synchronized (network.lock) {
            Session.Side side = sessions.get(peer);
            if (!closed && side != null && side.state == Session.State.OPEN) {
                network.carrier().transmit(side, channel, frame, actions);
                transmitted = true;
            }
        }
        network.dispatchLater(actions);
        if (transmitted) {
            sent.complete(null);
        } else {
            sent.completeExceptionally(new TransportException(
                    "the session to node " + peer.shortForm() + " ended before the frame could be sent"));
        }
    }

    @Override
    public CompletionStage<Void> connect(NodeId peer) {
        Objects.requireNonNull(peer, "peer");
        synchronized (network.lock) {
            if (closed) {
                return CompletableFuture.failedFuture(closedException());
            }
            if (peer.equals(id)) {
                return CompletableFuture.failedFuture(new TransportException(
                        "node " + id.shortForm() + " cannot open a session to itself"));
            }
            Session.Side side = sessions.get(peer);
            if (side != null && side.state == Session.State.OPEN) {
                return CompletableFuture.completedFuture(null);
            }
            if (side == null) {
                TransportAddress target = network.chooseAddress(peer, peerAddresses.getOrDefault(peer, Set.of()));
                if (target == null) {
                    return CompletableFuture.failedFuture(new TransportException("no mem: address is known for node "
                            + peer.shortForm() + ": give one with addPeerAddresses"));
                }
                MemoryTransport responder = network.endpointAt(target);
                if (responder == null || !responder.id.equals(peer)) {
                    return refusedAfterRoundTrip(peer, target, responder);
                }
                startHandshake(responder, target);
            }
            return waiters.await(peer);
        }
    }

    private CompletableFuture<Void> refusedAfterRoundTrip(NodeId peer, TransportAddress target,
                                                          MemoryTransport holder) {
        String why = holder == null ? "nothing listens at " + target
                : target + " is node " + holder.id.shortForm() + ", not " + peer.shortForm();
        CompletableFuture<Void> refused = new CompletableFuture<>();
        long roundTrip = network.linkModel(id, peer).latencyMillis() + network.linkModel(peer, id).latencyMillis();
        network.scheduler().schedule(roundTrip, () -> refused.completeExceptionally(
                new TransportException("cannot connect to node " + peer.shortForm() + ": " + why)));
        return refused;
    }

    private void startHandshake(MemoryTransport responder, TransportAddress target) {
        Session session = network.newSession(this, responder, target);
        sessions.put(responder.id, session.initiator);
        network.carrier().sendControl(session.initiator, actions -> responder.acceptHandshake(session, actions));
        long timeout = network.connectTimeoutMillis();
        network.scheduler().schedule(timeout, () -> {
            DeferredActions actions = new DeferredActions();
            synchronized (network.lock) {
                abandonAttempt(session.initiator, "no answer from node " + responder.id.shortForm() + " at " + target
                        + " within " + timeout + " ms", actions);
            }
            actions.run();
        });
    }

    /** The responder's half of the handshake: opens its side, tells its listener and replies. */
    private void acceptHandshake(Session session, DeferredActions actions) {
        Session.Side theirs = session.initiator;
        NodeId peer = theirs.owner.id;
        if (theirs.state != Session.State.CONNECTING) {
            return; // the initiator gave up meanwhile
        }
        if (closed) {
            network.carrier().sendControl(session.responder, replies -> theirs.owner.peerClosed(theirs, replies));
            return;
        }
        Session.Side existing = sessions.get(peer);
        if (existing != null && existing.state == Session.State.CONNECTING) {
            // Both dialed at once: the first handshake to arrive wins. Our own attempt ends quietly, its
            // waiters complete with this session, and its handshake is ignored when it reaches the peer.
            sessions.remove(peer);
            existing.state = Session.State.CLOSED;
            network.sessionChanged(existing.session());
        } else if (existing != null) {
            closeSide(existing, "replaced by a new session from the peer", false, actions);
        }
        Session.Side mine = session.responder;
        mine.state = Session.State.OPEN;
        sessions.put(peer, mine);
        TransportAddress remote = theirs.owner.addresses.getFirst();
        peerAddresses.computeIfAbsent(peer, key -> new LinkedHashSet<>()).add(remote);
        network.sessionAccepted();
        actions.add(() -> listener.onConnected(peer, remote));
        waiters.complete(peer, actions);
        network.carrier().sendControl(mine, replies -> theirs.owner.acceptReply(session, replies));
        network.sessionChanged(session);
    }

    private void acceptReply(Session session, DeferredActions actions) {
        Session.Side mine = session.initiator;
        NodeId peer = session.responder.owner.id;
        if (mine.state != Session.State.CONNECTING || sessions.get(peer) != mine) {
            return;
        }
        mine.state = Session.State.OPEN;
        actions.add(() -> listener.onConnected(peer, session.dialed));
        waiters.complete(peer, actions);
        network.sessionChanged(session);
    }

    private void peerClosed(Session.Side mine, DeferredActions actions) {
        NodeId peer = mine.peer().id;
        if (sessions.get(peer) != mine) {
            return;
        }
        if (mine.state == Session.State.CONNECTING) {
            abandonAttempt(mine, "node " + peer.shortForm() + " closed the session during the handshake", actions);
        } else {
            closeSide(mine, "closed by peer", false, actions);
        }
    }

    void sessionTimedOut(Session.Side mine, String reason, DeferredActions actions) {
        if (mine.state == Session.State.OPEN && sessions.get(mine.peer().id) == mine) {
            closeSide(mine, reason, false, actions);
        }
    }

    /** Ends a connect attempt that is still pending, failing whoever waits for it. */
    private void abandonAttempt(Session.Side mine, String why, DeferredActions actions) {
        NodeId peer = mine.peer().id;
        if (mine.state != Session.State.CONNECTING || sessions.get(peer) != mine) {
            return;
        }
        sessions.remove(peer);
        mine.state = Session.State.CLOSED;
        waiters.fail(peer, why, actions);
        Session.Side theirs = mine.peerSide();
        network.carrier().sendControl(mine, notices -> theirs.owner.peerClosed(theirs, notices));
        network.sessionChanged(mine.session());
    }

    private void closeSide(Session.Side mine, String reason, boolean tellPeer, DeferredActions actions) {
        NodeId peer = mine.peer().id;
        if (sessions.get(peer) == mine) {
            sessions.remove(peer);
        }
        boolean wasOpen = mine.state == Session.State.OPEN;
        mine.state = Session.State.CLOSED;
        if (wasOpen && !closed && !crashed) {
            actions.add(() -> listener.onDisconnected(peer, reason));
        }
        if (wasOpen && tellPeer) {
            Session.Side theirs = mine.peerSide();
            network.carrier().sendControl(mine, notices -> theirs.owner.peerClosed(theirs, notices));
        }
        network.sessionChanged(mine.session());
    }

    /** Goes silent like a killed process: open sessions vanish without a word; pending connects time out. */
    boolean crash() {
        if (closed || crashed) {
            return false;
        }
        crashed = true;
        for (Session.Side side : new ArrayList<>(sessions.values())) {
            if (side.state == Session.State.OPEN) {
                closeSide(side, "crashed", false, new DeferredActions());
            }
        }
        return true;
    }

    boolean isCurrentOpen(Session.Side side) {
        return side.state == Session.State.OPEN && sessions.get(side.peer().id) == side;
    }

    void deliver(NodeId from, FrameChannel channel, byte[] frame, DeferredActions actions) {
        actions.add(() -> listener.onFrame(from, channel, frame));
    }

    void rejectOversize(NodeId from, int length, DeferredActions actions) {
        LOG.log(System.Logger.Level.DEBUG, "node {0} rejected a {1}-byte frame from {2}: above maxFrameBytes {3}",
                id.shortForm(), length, from.shortForm(), maxFrameBytes);
        actions.add(() -> listener.onRejected(from, "frame-too-large"));
    }

    @Override
    public boolean isConnected(NodeId peer) {
        synchronized (network.lock) {
            Session.Side side = sessions.get(peer);
            return side != null && side.state == Session.State.OPEN;
        }
    }

    @Override
    public Set<NodeId> connectedPeers() {
        synchronized (network.lock) {
            Set<NodeId> peers = new LinkedHashSet<>();
            sessions.forEach((peer, side) -> {
                if (side.state == Session.State.OPEN) {
                    peers.add(peer);
                }
            });
            return Collections.unmodifiableSet(peers);
        }
    }

    @Override
    public void disconnect(NodeId peer) {
        Objects.requireNonNull(peer, "peer");
        DeferredActions actions = new DeferredActions();
        synchronized (network.lock) {
            Session.Side side = sessions.get(peer);
            if (closed || side == null) {
                return;
            }
            if (side.state == Session.State.CONNECTING) {
                abandonAttempt(side, "disconnect was called before the session to node " + peer.shortForm()
                        + " was up", actions);
            } else {
                closeSide(side, "disconnected locally", true, actions);
            }
        }
        network.dispatchLater(actions);
    }

    @Override
    public void close() {
        DeferredActions actions = new DeferredActions();
        synchronized (network.lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Session.Side side : new ArrayList<>(sessions.values())) {
                if (side.state == Session.State.CONNECTING) {
                    abandonAttempt(side, "the mem transport of node " + id.shortForm() + " was closed", actions);
                } else {
                    closeSide(side, "transport closed", true, actions);
                }
            }
            network.unbind(this);
        }
        network.dispatchLater(actions);
    }

    private TransportException closedException() {
        return new TransportException("the mem transport of node " + id.shortForm() + " is closed");
    }

    @Override
    public String toString() {
        return "mem transport of " + id.shortForm() + " at " + addresses;
    }
}
