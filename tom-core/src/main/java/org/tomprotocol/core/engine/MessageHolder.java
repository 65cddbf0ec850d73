package org.tomprotocol.core.engine;

/**
 * Lock 2's purge contract: a type that keeps message data (ids, envelopes, copies, handles) for many messages, in a
 * container that does not expire by itself, says how much it holds, and its owner's count includes it. The counts add
 * up to the node's own ({@code messagesHeld} of the node), which the 25-hour test ({@code MessageLifetimeTest})
 * requires to be zero: every message held anywhere has been let go 24 h after its timestamp. The architecture rule
 * {@code Lock2MessagesVanish} checks that every such type implements this, and that its count is read by its owner's.
 */
public interface MessageHolder {
    /** Entries of message data held now; zero once every message it held is past its 24 h. */
    int messagesHeld();
}
