package org.tomprotocol.core.wire;

/** Which acknowledgement an {@link AckPayload} is; encoded by variant name. */
public enum AckType {
    /** Sent by a relay straight to the originator after forwarding. Never makes a message delivered. */
    RelayForwarded,
    /** Sent by the final recipient back along the reversed path. The only proof of delivery (lock 1). */
    RecipientReceived
}
