package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.MessageType;

/** Everything the {@link NodeEngine} asks of the world: the runtime implements it at the edge. */
public interface EngineEffects extends TrackerEffects, PeerListener, BackupEffects, PriceEffects {
    /**
     * Pass a verified envelope on to {@code nextHop} with its ttl decremented, with {@code stamp} before it if there
     * is one (a stamped frame, wire spec §15); report the outcome with {@link NodeEngine#onForwarded}.
     */
    void forward(VerifiedEnvelope envelope, NodeId nextHop, java.util.OptionalLong stamp);

    /** Sign and send an unencrypted control envelope (acknowledgement, read receipt, heartbeat) to its first hop. */
    void sendSigned(MessageType type, NodeId to, List<NodeId> via, byte[] payload);

    /** Hand a frame signed ahead on a worker to the transport of its first hop. */
    void sendPrepared(PreparedFrame frame);

    /**
     * Hand a message to the application, and run {@code acknowledge} on the engine's thread once the node remembers
     * the message: at once, or, on a durable node, after its store kept it (an acknowledged message is never lost
     * to a crash of its recipient).
     */
    void deliver(InboundMessage message, Runnable acknowledge);

    /** Open a session to {@code peer} in the background, so later messages can go direct. */
    void connect(NodeId peer);

    /** Try to open a direct session to {@code peer} at {@code candidates} (hole punching where the transport can). */
    void connectDirect(NodeId peer, List<TransportAddress> candidates);

    /** Close the session to {@code peer}, which looks dead, so that it can be re-established. */
    void disconnect(NodeId peer);

    /** The way this node reaches {@code peer} changed. */
    void pathChanged(NodeId peer, org.tomprotocol.api.PathKind from, org.tomprotocol.api.PathKind to,
                     long sinceFirstMillis, long now);

    /** Tell the transports where {@code peer} can be reached. */
    void learnedAddresses(NodeId peer, List<TransportAddress> addresses);

    /** Hand signalling from {@code from} to the transport that sets its sessions up through the node. */
    void signalled(NodeId from, org.tomprotocol.spi.transport.Signal signal);

    /**
     * Seal {@code plaintext} to {@code to}, sign and send it as a {@code type} envelope through {@code via}, best
     * effort (signalling: the reference profile, never acknowledged).
     */
    void sendSealed(MessageType type, NodeId to, List<NodeId> via, byte[] plaintext);

    /** Something happened in one of the node's groups. */
    void groupEvent(org.tomprotocol.api.GroupEvent event);

    /** An ephemeral subnet formed or dissolved, as this node sees them. */
    void subnetChanged(org.tomprotocol.api.SubnetEvent event);

    /** This node earned or lost a role. */
    void roleChanged(org.tomprotocol.api.RoleEvent event);

    /** The node's groups and invitations as they now stand. */
    void groupsChanged(List<org.tomprotocol.api.GroupInfo> groups, List<org.tomprotocol.api.GroupInvite> invites);

    /** Keep a group's state in the node's store, sealed to the node (see {@link GroupEffects#keepGroup}). */
    void keepGroup(org.tomprotocol.core.wire.GroupSnapshot snapshot);

    /** Forget a group the node is no longer in from the node's store. */
    void forgetGroup(String group);

    /** Count one occurrence of {@code counter}. */
    void count(String counter);

    /**
     * The neighbour {@code hop} handed this node input that cost it work for nothing — an envelope refused, a
     * duplicate to acknowledge again: count it under {@code counter} and make the neighbour's later frames cost
     * more (see the runtime's budgets).
     */
    void charge(NodeId hop, String counter);
}
