package org.tomprotocol.core.engine;

import java.util.OptionalLong;

import org.tomprotocol.core.wire.Envelope;

/**
 * What a chat owes before its signature is checked (lock 5, wire spec §15): whether its claimed origin was asked for a
 * stamp this chat lacks. One hash instead of a signature check for each frame of a flood that will not pay. A spoofed
 * origin gains nothing: only verified chats make an origin owe. Thread-safe implementations only: it is asked on the
 * transports' threads.
 */
@FunctionalInterface
public interface StampGate {
    /** Asks nothing. */
    StampGate NONE = (envelope, stamp, now) -> false;

    /** Whether {@code envelope}, which came with {@code stamp}, owes a stamp it does not carry at {@code now}. */
    boolean unpaid(Envelope envelope, OptionalLong stamp, long now);
}
