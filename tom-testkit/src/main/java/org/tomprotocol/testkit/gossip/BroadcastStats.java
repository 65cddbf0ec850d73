package org.tomprotocol.testkit.gossip;

/**
 * How one broadcast of a {@link GossipSimulation} spread, measured over its round.
 *
 * @param round              0 for warm-up broadcasts, else the round after the failure (1 = broadcast at the
 *                           instant of the failure)
 * @param liveNodes          live nodes when it was sent, the origin included
 * @param delivered          live nodes other than the origin that delivered it
 * @param reliability        {@code delivered / (liveNodes - 1)}
 * @param payloadMessages    frames carrying the payload received by live nodes (eager pushes, graft answers
 *                           and duplicates alike)
 * @param rmr                relative message redundancy, {@code payloadMessages / (liveNodes - 1) - 1}: 0 when
 *                           every node got the payload exactly once
 * @param lastDeliveryHop    the largest hop count at which a node delivered it (1 = a neighbour of the origin)
 * @param lastDeliveryMillis virtual time from the broadcast to the last delivery
 */
public record BroadcastStats(int round, int liveNodes, int delivered, double reliability, long payloadMessages,
                             double rmr, int lastDeliveryHop, long lastDeliveryMillis) {
    /** Whether every live node got it. */
    public boolean complete() {
        return delivered == liveNodes - 1;
    }
}
