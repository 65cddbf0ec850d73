package org.tomprotocol.spi.discovery;

import java.util.Collection;
import java.util.Set;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;

/**
 * A node's discovery state machine: peer membership plus broadcast of opaque payloads (the engine's signed
 * announces). It does no I/O and reads no clock: the engine's agent calls it with the current time, one
 * call at a time, and it acts only through its {@link DiscoveryContext}.
 *
 * <p>What the engine relies on, and the discovery TCK ({@code org.tomprotocol.tck.DiscoveryTck}) checks: it calls
 * its context only from within its own methods, on the calling thread (no threads or timers of its own), and its
 * only randomness is {@link DiscoveryContext#random()}, so two runs from one seed are the same. Before it first
 * contacts a peer with which it has no session and which is not a bootstrap or joined peer, it calls
 * {@link DiscoveryContext#learnAddresses}. A broadcast reaches every node of a connected network, each node is
 * asked to validate each payload once, and a lost neighbour is replaced so that broadcasts still reach everyone.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Discovery {
    /** Starts: joins through the context's bootstrap peers. */
    void start(long nowMillis);

    /** Joins through more peers, e.g. added by the application after start. */
    void join(Collection<PeerAddress> peers, long nowMillis);

    /**
     * A discovery frame arrived from {@code from}. Hostile input is ignored and counted
     * ({@link DiscoveryContext#rejected}), never thrown, and costs the node none of its other work.
     */
    void onFrame(NodeId from, byte[] frame, long nowMillis);

    /** A transport session to {@code peer} opened. */
    void onConnected(NodeId peer, long nowMillis);

    /** The transport session to {@code peer} closed or failed. */
    void onDisconnected(NodeId peer, long nowMillis);

    /**
     * The node's verdict on the payload it was asked to check with {@link DiscoveryContext#validate}. Only an
     * {@link Validation#ACCEPT accepted} payload is stored and spread; a ticket the discovery no longer knows
     * (answered already, or forgotten after its timeout) is ignored.
     */
    void onValidated(long ticket, Validation verdict, long nowMillis);

    /** Spreads {@code payload} to every node of the network (at most once each). */
    void broadcast(byte[] payload, long nowMillis);

    /**
     * Runs due timers.
     *
     * @return the time of the next timer, later than {@code nowMillis}, or {@link Long#MAX_VALUE}
     */
    long onTimer(long nowMillis);

    /**
     * The peers this node currently exchanges discovery frames with: exactly those reported with
     * {@link DiscoveryContext#neighborUp} and not since with {@link DiscoveryContext#neighborDown}.
     */
    Set<NodeId> neighbors();
}
