package org.tomprotocol.testkit;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;

/**
 * The fate of one frame copy on a {@link MemoryNetwork}, as given to its observers: delivered, or dropped
 * and why. A duplicated frame produces two events. Carries sizes, never payloads.
 *
 * @param atMillis   when it was delivered or dropped (epoch milliseconds of the network's scheduler)
 * @param from       the sender
 * @param to         the receiver
 * @param channel    the frame's channel
 * @param bytes      the frame's length
 * @param dropReason why it was dropped, or {@code null} when delivered
 */
public record FrameEvent(long atMillis, NodeId from, NodeId to, FrameChannel channel, int bytes,
                         DropReason dropReason) {
    /** Whether the frame reached the receiver's listener. */
    public boolean delivered() {
        return dropReason == null;
    }
}
