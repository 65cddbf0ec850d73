package org.tomprotocol.core.engine;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;

/** What the {@link DeliveryTracker} asks of the world. */
public interface TrackerEffects {
    /** Send the message along its current path (seal was done; sign, encode and hand to the first hop). */
    void transmit(OutboundState message);

    /** The message's status moved; {@code failure} is set when {@code current} is FAILED. */
    void statusChanged(MessageId id, MessageStatus previous, MessageStatus current, long now,
                       DeliveryFailedException.Reason failure);

    /**
     * {@code message}'s recipient is out of reach for now (no path, or an attempt went unacknowledged): copies of it
     * may be placed on backup holders.
     */
    default void recipientUnreachable(OutboundState message) {
    }

    /** A direct transmission to {@code peer} went unacknowledged; the session to it may be a zombie. */
    default void directPathFailed(NodeId peer) {
    }

    /** Call {@link DeliveryTracker#onTimer} with these arguments at {@code deadline}. */
    void schedule(TrackerTimer timer, MessageId id, int generation, long deadline);
}
