package org.tomprotocol.core.engine;

/** The tracker's timers. */
public enum TrackerTimer {
    /** The final recipient's acknowledgement is due for the current attempt. */
    ACK_DEADLINE,
    /** The relay's acknowledgement is due for the current transmission. */
    RELAY_ACK,
    /** A relay confirmed forwarding, and the recipient's acknowledgement is due: the relay may have dropped it. */
    RELAYED_ACK,
    /** A direct transmission's acknowledgement is overdue: the direct path may be dead. */
    DIRECT_ACK,
    /** No path existed; look again. */
    ROUTE,
    /** A round's retries were spent and its backoff is over: start a new round. */
    NEXT_ROUND,
    /** The message's lifetime is over: it has failed. */
    EXPIRY
}
