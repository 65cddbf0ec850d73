package org.tomprotocol.discovery.gossip.wire;

/**
 * One discovery frame: either membership upkeep (HyParView) or broadcast dissemination (PlumTree). Frames
 * are immutable values; {@link FrameCodec} turns them into bytes and back.
 */
public sealed interface Frame permits MembershipFrame, BroadcastFrame {
}
