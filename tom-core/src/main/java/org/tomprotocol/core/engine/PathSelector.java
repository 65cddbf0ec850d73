package org.tomprotocol.core.engine;

import java.util.Set;

import org.tomprotocol.api.NodeId;

/** Chooses how to reach a recipient, and keeps count of the load this node puts on each relay. */
public interface PathSelector {
    /**
     * The path to {@code target}, avoiding {@code excludedRelays}, or {@code null} if there is none now.
     */
    Path choose(NodeId target, Set<NodeId> excludedRelays, long now);

    /** A message of ours now travels through {@code relay}. */
    void acquire(NodeId relay);

    /** A message of ours no longer travels through {@code relay}. */
    void release(NodeId relay);

    /** The final recipient {@code target} acknowledged a message that travelled through {@code relay}. */
    default void relayDelivered(NodeId relay, NodeId target, long now) {
    }

    /**
     * A message through {@code relay} towards {@code target} was not delivered in time: the relay did not
     * confirm forwarding, could not be handed the message, or confirmed it and the recipient never acknowledged.
     */
    default void relayLost(NodeId relay, NodeId target, long now) {
    }

    /**
     * A direct transmission to {@code target} went unacknowledged in time.
     *
     * @return whether the direct path now counts as dead (several failures in a row): it is then avoided for a
     *         while and the caller should drop the session
     */
    default boolean directFailed(NodeId target, long now) {
        return false;
    }

    /** The recipient acknowledged a direct transmission: the direct path works. */
    default void directSucceeded(NodeId target) {
    }
}
