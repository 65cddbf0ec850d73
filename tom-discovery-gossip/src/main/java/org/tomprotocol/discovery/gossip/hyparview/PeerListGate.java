package org.tomprotocol.discovery.gossip.hyparview;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Disconnect;

/**
 * Decides whether a frame naming other peers (join walk, shuffle, introduction) is taken. The transport
 * authenticates the sender but not what it says of others, so such lists are taken only from active
 * neighbours — walks and shuffles travel along active links, and a contact introduces newcomers to its
 * neighbours — and only within the sender's {@link MembershipBudget}.
 *
 * <p>A list from a former neighbour is dropped without blame: within moments of its departure it crossed
 * it; later, the sender still takes this node for a neighbour, which a {@code Disconnect} corrects, as for a
 * keep-alive. A list from a node that never was a neighbour is refused and counted.
 */
final class PeerListGate {
    /** How long frames from a neighbour that just left are taken as crossing its departure. */
    static final long DEPARTURE_GRACE_MILLIS = 5_000;

    private final Views views;
    private final MembershipEffects effects;
    private final MembershipBudget budget;

    PeerListGate(Views views, MembershipEffects effects, HyParViewConfig config) {
        this.views = views;
        this.effects = effects;
        this.budget = new MembershipBudget(config.membershipPerSecond(), config.membershipBurst());
    }

    /**
     * Whether to take a list of peers from {@code from} at {@code now}.
     *
     * @param asked whether this node awaits an answer from {@code from} (then it is not told to go away)
     */
    boolean admits(NodeId from, boolean asked, long now) {
        if (!views.isActive(from)) {
            if (!views.leftActiveSince(from, Long.MIN_VALUE)) {
                effects.rejected(from, "peers-from-non-neighbor");
            } else if (!views.leftActiveSince(from, now - DEPARTURE_GRACE_MILLIS) && !asked) {
                views.send(from, new Disconnect(true), now);
            }
            return false;
        }
        if (!budget.take(from, now)) {
            effects.rejected(from, "membership-rate");
            return false;
        }
        return true;
    }

    /** Forgets the budgets of peers that are no longer neighbours. */
    void forgetFormerNeighbors() {
        budget.retain(views::isActive);
    }
}
