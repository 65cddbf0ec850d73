package org.tomprotocol.testkit;

/** Why a {@link MemoryNetwork} did not deliver a frame. */
public enum DropReason {
    /** The link's loss probability struck. */
    LOSS,
    /** A fault-injection filter installed with {@link MemoryNetwork#dropFrames} chose to drop it. */
    FILTERED,
    /** Sender and receiver were on different sides of a partition, when sent or when due. */
    PARTITION,
    /** The receiver had crashed. */
    CRASHED,
    /** The receiver's transport was closed. */
    CLOSED,
    /** The receiver had no open session for the frame: it ended or was replaced while the frame flew. */
    NO_SESSION,
    /** The frame was larger than the receiver's {@code maxFrameBytes}; the receiver reported it rejected. */
    OVERSIZE
}
