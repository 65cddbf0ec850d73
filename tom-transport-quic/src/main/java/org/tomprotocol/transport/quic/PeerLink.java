package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportException;

/**
 * Everything this node has for one peer: its addresses, the frames waiting for it, its connections and the
 * session they form. A session is up while at least one authenticated connection is open; the engine hears
 * {@code onConnected} / {@code onDisconnected} once per session (a peer restart ends one and starts another),
 * except that {@code onConnected} is repeated with the new address when the peer migrates (its NAT rebound), so
 * the engine's idea of where the peer is seen from — the first candidate it gives in introductions — follows.
 *
 * <p>Choosing the connection: all connections of a session come from one run (incarnation) of the peer's
 * transport — a connection from a new run closes the old ones. Among them both sides prefer the one dialled by
 * the lower node id, then the newest, so after simultaneous dials they agree without talking. The others are
 * retired: nothing new is sent on them; each side sends RETIRE once its own frames on a connection are
 * acknowledged, and a connection with RETIRE sent and received is closed. No frame is lost: frames whose
 * connection dies unacknowledged go back to the queue and are resent. Event-loop confined.
 */
final class PeerLink {
    private static final System.Logger LOG = System.getLogger(PeerLink.class.getName());
    /** A frame the peer keeps deferring (its buffers stay full) fails after this many tries. */
    static final int MAX_DEFERRALS = 8;

    final NodeId peer;
    final DialState dial = new DialState();
    private final LinkEnvironment env;
    private final PeerAddresses addresses;
    private final SessionConnections connections;
    private final WaitingForPeer waiting = new WaitingForPeer();
    private boolean sessionUp;

    PeerLink(NodeId peer, LinkEnvironment env, PeerAddresses addresses) {
        this.peer = peer;
        this.env = env;
        this.addresses = addresses;
        this.connections = new SessionConnections(env.localId().compareTo(peer) < 0);
    }

    LoopErrors errors() {
        return env.errors();
    }

    /** What the link knows of where the peer is, kept when the link itself is dropped. */
    PeerAddresses addresses() {
        return addresses;
    }

    /** Whether nothing goes on with the peer: no connection, no waiting frame or caller, no dial, no watcher. */
    boolean isIdle() {
        return connections.isEmpty() && waiting.isEmpty() && !dial.isActive() && !sessionUp;
    }

    // ---- addresses

    void addAddresses(Collection<InetSocketAddress> given) {
        if (addresses.addGiven(given) && wantsConnection()) {
            env.dialer().dialNow(this);
        }
    }

    /** Where to dial: addresses we were given, then where the peer's own dials came from (its socket). */
    List<InetSocketAddress> dialTargets() {
        return addresses.dialTargets();
    }

    /** Whether {@code address} was given for the peer ({@code addPeerAddresses}): it may be dialled. */
    boolean wasGiven(InetSocketAddress address) {
        return addresses.wasGiven(address);
    }

    // ---- the engine's requests

    void enqueue(PendingFrame frame) {
        if (waiting.frames() >= env.options().maxQueuedFrames()) {
            WaitingForPeer.fail(frame, new TransportException("send queue for peer " + peer.shortForm() + " is full ("
                    + waiting.frames() + " frames): the peer is slow or unreachable"));
            return;
        }
        if (preferred() == null && !dial.isActive() && dialTargets().isEmpty()) {
            WaitingForPeer.fail(frame, new TransportException("no session with peer " + peer.shortForm()
                    + " and no quic address known for it"));
            return;
        }
        waiting.add(frame);
        pump();
    }

    void connect(CompletableFuture<Void> result) {
        if (sessionUp) {
            result.complete(null);
        } else if (!dial.isActive() && dialTargets().isEmpty()) {
            result.completeExceptionally(new TransportException("no quic address known for peer " + peer.shortForm()));
        } else {
            waiting.addConnectCaller(result);
            env.dialer().dialNow(this);
        }
    }

    /** Completes {@code watcher} once a session is up (at once if one is), without dialling for it. */
    void whenSessionUp(CompletableFuture<Void> watcher) {
        if (sessionUp) {
            watcher.complete(null);
        } else {
            waiting.addSessionWatcher(watcher);
        }
    }

    void forgetSessionWatcher(CompletableFuture<Void> watcher) {
        waiting.forgetSessionWatcher(watcher);
    }

    boolean wantsConnection() {
        return preferred() == null && waiting.needsConnection();
    }

    int openConnections() {
        return connections.open();
    }

    int openConnectionsDialledByUs() {
        return connections.openDialledByUs();
    }

    /** Moves waiting frames onto the preferred connection, or dials when there is none. */
    void pump() {
        PeerConnection connection = preferred();
        if (connection == null) {
            if (waiting.hasFrames()) {
                env.dialer().dialSoon(this);
            }
            return;
        }
        while (waiting.hasFrames() && connection.canOpenStream()) {
            connection.send(waiting.next());
        }
    }

    // ---- dialling outcomes

    void dialRoundFailed(String why) {
        waiting.failConnectCallers(new TransportException("cannot reach peer " + peer.shortForm() + ": " + why));
    }

    /** Nowhere to dial: everything waiting fails. */
    void unreachable(String why) {
        waiting.failAll(new TransportException("cannot reach peer " + peer.shortForm() + ": " + why));
    }

    // ---- connections

    void attach(PeerConnection connection) {
        if (connections.fromAnotherIncarnation(connection)) {
            LOG.log(System.Logger.Level.DEBUG, "peer {0} restarted (incarnation {1})", peer.shortForm(),
                    PeerIdentity.shortIncarnation(connection.incarnation));
            for (PeerConnection old : connections.removeAll()) {
                requeueInFlight(old);
                old.close("peer restarted");
            }
            endSession("peer restarted");
        }
        connections.add(connection);
        if (!connection.dialledByUs) {
            addresses.learn(connection.remote);
        }
        if (!sessionUp) {
            sessionUp = true;
            env.connected().add(peer);
            // A dial still running goes on: after simultaneous dials the preference rule picks one.
            env.dialer().cancelRetry(this);
            env.listener().onConnected(peer, QuicAddresses.format(connection.remote));
            waiting.sessionUp();
        }
        tellObservedAddress(connection);
        reconcile();
        pump();
    }

    void connectionClosed(PeerConnection connection) {
        if (!connections.remove(connection)) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "{0} ended: {1}", connection, connection.endReason());
        requeueInFlight(connection);
        if (connections.isEmpty()) {
            endSession(connection.endReason());
        } else {
            reconcile();
        }
        pump();
    }

    /** Closes a dead or unwanted connection now; its unacknowledged frames are resent elsewhere. */
    void evict(PeerConnection connection, String reason) {
        LOG.log(System.Logger.Level.DEBUG, "evicting {0}: {1}", connection, reason);
        connection.close(reason);
        connectionClosed(connection);
    }

    private void endSession(String reason) {
        if (sessionUp) {
            sessionUp = false;
            env.connected().remove(peer);
            env.reporterLeft(peer, System.nanoTime());
            env.listener().onDisconnected(peer, reason);
        }
    }

    private void requeueInFlight(PeerConnection connection) {
        for (PendingFrame frame : connection.drainInFlight()) {
            if (frame.isFromEngine()) {
                waiting.add(frame);
            }
        }
    }

    /** The peer's connections, e.g. to pause reading from all of them. */
    SessionConnections connections() {
        return connections;
    }

    PeerConnection preferred() {
        return connections.preferred();
    }

    private void reconcile() {
        PeerConnection best = preferred();
        for (PeerConnection connection : connections.snapshot()) {
            connection.retiring = connection != best;
            maybeRetire(connection);
        }
    }

    /** Right after a connection opens, tell the peer how we see it (it may learn its public address). */
    private void tellObservedAddress(PeerConnection connection) {
        // The peer's stream credit may not be known yet when the handshake completes; retried when it is.
        if (!connection.observedAddressSent && connection.canOpenStream()) {
            connection.observedAddressSent = true;
            connection.sendControl(ControlMessage.observedAddress(connection.remote));
        }
    }

    private void maybeRetire(PeerConnection connection) {
        if (!connection.retiring || !connection.isOpen() || connection.engineFramesInFlight() > 0) {
            return;
        }
        if (!connection.retireSent && connection.canOpenStream()) {
            connection.retireSent = true;
            connection.sendControl(ControlMessage.RETIRE);
        }
        if (connection.retireSent && connection.retireReceived) {
            evict(connection, "duplicate connection retired");
        }
    }

    // ---- frame outcomes (from PeerConnection)

    void frameAcknowledged(PeerConnection connection, PendingFrame frame) {
        if (frame.isFromEngine()) {
            frame.result.complete(null);
        }
        maybeRetire(connection);
        pump();
    }

    void frameRefused(PeerConnection connection, PendingFrame frame, String reason) {
        if (frame.isFromEngine()) {
            frame.result.completeExceptionally(new TransportException("peer " + peer.shortForm()
                    + " refused a frame of " + frame.payload.length + " bytes: " + reason));
        }
        maybeRetire(connection);
        pump();
    }

    void frameDeferred(PeerConnection connection, PendingFrame frame, String reason) {
        if (frame.isFromEngine()) {
            if (++frame.deferrals > MAX_DEFERRALS) {
                WaitingForPeer.fail(frame, new TransportException("peer " + peer.shortForm() + " deferred a frame of "
                        + frame.payload.length + " bytes " + MAX_DEFERRALS + " times: " + reason));
            } else {
                waiting.add(frame);
            }
        }
        maybeRetire(connection);
        pump();
    }

    void frameFailed(PeerConnection connection, PendingFrame frame, String reason) {
        if (frame.isFromEngine()) {
            waiting.add(frame);
        }
        if (connections.contains(connection)) {
            evict(connection, "stream failed: " + reason);
        } else {
            pump();
        }
    }

    boolean frameReceived(PeerConnection connection, FrameChannel channel, byte[] payload) {
        if (!connections.contains(connection)) {
            return false;
        }
        connection.touch();
        if (channel == FrameChannel.CONTROL) {
            control(connection, payload);
        } else {
            env.listener().onFrame(peer, channel, payload);
        }
        return true;
    }

    private void control(PeerConnection connection, byte[] payload) {
        ControlMessage message;
        try {
            message = ControlMessage.decode(payload);
        } catch (IllegalArgumentException e) {
            env.listener().onRejected(peer, "control-malformed");
            return;
        }
        if (message == null) {
            LOG.log(System.Logger.Level.DEBUG, "ignored an unknown control message from {0}", peer.shortForm());
            return;
        }
        switch (message.type()) {
            case OBSERVED_ADDRESS -> env.observed(peer, connection.remote, message.observed(), System.nanoTime());
            case RETIRE -> {
                connection.retireReceived = true;
                maybeRetire(connection);
            }
            case KEEPALIVE -> {
                // receiving it was the point
            }
        }
    }

    /**
     * If the peer's packets on {@code connection} now come from another address (QUIC connection migration,
     * e.g. its NAT changed its public address), tell it, so it learns its new public address and announces
     * it, and tell the engine.
     */
    void checkRemote(PeerConnection connection) {
        if (!connections.contains(connection) || !connection.isOpen()
                || !(connection.channel.remoteSocketAddress() instanceof InetSocketAddress remote)
                || remote.equals(connection.remote)) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "{0} migrated to {1}", connection, remote);
        connection.remote = remote;
        connection.observedAddressSent = false;
        if (!connection.dialledByUs) {
            addresses.learn(remote);
        }
        tellObservedAddress(connection);
        if (sessionUp && connection == preferred()) {
            env.listener().onConnected(peer, QuicAddresses.format(remote));
        }
    }

    void streamCreditAvailable(PeerConnection connection) {
        tellObservedAddress(connection);
        maybeRetire(connection);
        pump();
    }

    // ---- maintenance

    /** Keep-alive on the idle preferred connection, zombie checks, retries of RETIRE. */
    void tick(long now) {
        for (PeerConnection connection : connections.snapshot()) {
            checkRemote(connection);
            connection.checkHealth();
            tellObservedAddress(connection);
            maybeRetire(connection);
        }
        PeerConnection best = preferred();
        if (best != null && best.idleNanos(now) >= TimeUnit.MILLISECONDS.toNanos(env.options().keepAliveMillis())
                && best.canOpenStream()) {
            best.sendControl(ControlMessage.KEEPALIVE);
        }
    }

    /** Ends everything with the peer: waiting frames fail, connections close, dialling stops. */
    void disconnect(String reason) {
        env.dialer().cancel(this);
        TransportException failure = new TransportException("disconnected from peer " + peer.shortForm() + ": "
                + reason);
        waiting.failAll(failure);
        for (PeerConnection connection : connections.removeAll()) {
            for (PendingFrame frame : connection.drainInFlight()) {
                WaitingForPeer.fail(frame, failure);
            }
            connection.close(reason);
        }
        endSession(reason);
    }
}
