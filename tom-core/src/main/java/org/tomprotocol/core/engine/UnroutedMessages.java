package org.tomprotocol.core.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/**
 * The messages in flight with no path that works for now, by recipient: waiting for their next round, for a route,
 * or sent through a relay that has not confirmed forwarding. {@link DeliveryTracker#onPeerReachable} takes them
 * when their recipient is seen. Single-threaded.
 */
final class UnroutedMessages implements MessageHolder {
    private final Map<NodeId, Set<MessageId>> byRecipient = new HashMap<>();

    void add(OutboundState message) {
        byRecipient.computeIfAbsent(message.recipient(), r -> new LinkedHashSet<>()).add(message.id());
    }

    void remove(OutboundState message) {
        Set<MessageId> unrouted = byRecipient.get(message.recipient());
        if (unrouted != null && unrouted.remove(message.id()) && unrouted.isEmpty()) {
            byRecipient.remove(message.recipient());
        }
    }

    @Override
    public int messagesHeld() {
        int held = 0;
        for (Set<MessageId> unrouted : byRecipient.values()) {
            held += unrouted.size();
        }
        return held;
    }

    /** The messages to {@code recipient}, which are no longer listed. */
    Set<MessageId> take(NodeId recipient) {
        Set<MessageId> unrouted = byRecipient.remove(recipient);
        return unrouted == null ? Set.of() : unrouted;
    }
}
