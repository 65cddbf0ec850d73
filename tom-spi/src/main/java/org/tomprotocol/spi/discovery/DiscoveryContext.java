package org.tomprotocol.spi.discovery;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;

/**
 * How a {@link Discovery} acts on the world. Every method is called from the engine's agent thread and
 * returns at once; sends are queued.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface DiscoveryContext {
    /** This node. */
    NodeId localId();

    /** Where this node can be reached, as its transports report it. */
    List<TransportAddress> localAddresses();

    /** The peers configured to join through. */
    List<PeerAddress> bootstrap();

    /** Randomness for peer sampling; seeded in simulations so runs repeat. */
    RandomGenerator random();

    /** Provider-specific options given to the node. */
    Map<String, String> options();

    /** Sends a discovery frame to {@code peer}, opening a session if needed. */
    void send(NodeId peer, byte[] frame);

    /** Tells the node's transports where {@code peer} can be reached. */
    void learnAddresses(PeerAddress peer);

    /**
     * A broadcast payload reached this node for the first time; {@code from} is the neighbour that sent it. The
     * node checks it off the agent thread and answers later, on the agent thread, with
     * {@link Discovery#onValidated(long, Validation, long) onValidated(ticket, verdict, now)}: an accepted
     * payload has then been taken in by the node. Until the verdict the discovery must neither store,
     * forward, announce nor serve the payload. The node may never answer (when overloaded, or shutting down):
     * the discovery forgets a ticket left unanswered for long (keeping it a few seconds at least). A verdict for a
     * ticket it no longer knows, or a second one, is ignored.
     *
     * @param ticket  the discovery's handle for this check, echoed in the verdict
     * @param from    the neighbour it came from
     * @param payload the payload; the node does not change it
     */
    void validate(long ticket, NodeId from, byte[] payload);

    /** {@code peer} became a discovery neighbour. */
    void neighborUp(NodeId peer);

    /** {@code peer} is no longer a discovery neighbour. */
    void neighborDown(NodeId peer);

    /**
     * Counts discovery input that no honest neighbour sends (malformed, invalid), under
     * {@code rejected.<reason>} ({@code reason} is lower-case words joined by hyphens, e.g.
     * {@code too-many-peers}); the node makes {@code from}'s later frames cost more.
     */
    void rejected(NodeId from, String reason);

    /**
     * Counts discovery input dropped for this node's own limits (a backlog of validations, a rate), which an
     * honest neighbour may meet when this node is loaded: never held against {@code from}.
     */
    default void shed(NodeId from, String reason) {
    }
}
