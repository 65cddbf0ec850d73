package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.PeerRole;

/**
 * What this node learns from the traffic it sends, receives, holds and carries for others: the work it can prove
 * ({@link EarnedRoles}, lock 4: relaying, holding copies, being reached), who talks with whom ({@link EphemeralSubnets}), and whom to introduce to each other
 * for a direct path ({@link DirectPaths}). Pure; the time is passed in; agent thread only.
 */
final class TrafficSeen {
    private final NodeId local;
    private final DirectPaths directPaths;
    private final EarnedRoles roles = new EarnedRoles();
    private final EphemeralSubnets subnets = new EphemeralSubnets();

    TrafficSeen(NodeId local, DirectPaths directPaths) {
        this.local = local;
        this.directPaths = directPaths;
    }

    /** This node sent a chat of its own to {@code recipient}. */
    void sent(NodeId recipient, long now) {
        subnets.talked(local, recipient, now);
    }

    /** This node received a chat from {@code sender}. */
    void received(NodeId sender, long now) {
        subnets.talked(sender, local, now);
    }

    /** This node passed {@code envelope} on for others. */
    void carried(Envelope envelope, EngineEffects effects, long now) {
        roles.carried(envelope, effects, now);
        if (envelope.type() == MessageType.Chat) {
            subnets.talked(envelope.from(), envelope.to(), now);
            if (envelope.via().size() == 1) {
                directPaths.carried(envelope.from(), envelope.to(), now);
            }
        }
    }

    /** A copy this node held was first proven delivered: holding work (see {@link EarnedRoles}). */
    void heldUntilDelivered(long now) {
        roles.copyHeldUntilDelivered(now);
    }

    /** {@code neighbour} handed this node an envelope that passed every check: it reaches this node. */
    void reachedBy(NodeId neighbour, long now) {
        roles.reachedBy(neighbour, now);
    }

    /** Whether {@code a} and {@code b} are in one ephemeral subnet. */
    boolean together(NodeId a, NodeId b) {
        return subnets.together(a, b);
    }

    /** Reviews the roles and the subnets (each at its own pace), telling {@code effects} of what changed. */
    void review(long now, EngineEffects effects) {
        roles.review(now, effects);
        subnets.review(now, effects::subnetChanged);
    }

    /** The roles this node earned, to announce. */
    List<PeerRole> roles() {
        return roles.roles();
    }

    void purge(long now) {
        roles.purge(now);
    }
}
