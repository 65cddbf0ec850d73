package org.tomprotocol.core.engine;

import java.util.Set;

import org.tomprotocol.api.NodeId;

/** Chooses how to reach a recipient, and keeps count of the load this node puts on each relay. */
public interface PathSelector {
    /**
     * The path to {@code target}, avoiding {@code excludedRelays}, or {@code null} if there is none now.
     */
    Path choose(NodeId target, Set<NodeId> excludedRelays);

    /** A message of ours now travels through {@code relay}. */
    void acquire(NodeId relay);

    /** A message of ours no longer travels through {@code relay}. */
    void release(NodeId relay);

    /** {@code relay} confirmed it passed a message on towards {@code target}. */
    default void relaySucceeded(NodeId relay, NodeId target) {
    }

    /** {@code relay} did not confirm a message towards {@code target} in time. */
    default void relayFailed(NodeId relay, NodeId target) {
    }
}
