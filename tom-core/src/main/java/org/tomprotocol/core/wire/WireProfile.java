package org.tomprotocol.core.wire;

import java.util.Locale;
import java.util.Set;

/**
 * How byte strings are written in an envelope (wire spec §13). Every node reads both profiles; a sender writes the
 * compact one only to nodes that said they accept it. The profile is part of what is signed, so an envelope keeps
 * the profile its sender chose on every hop.
 */
public enum WireProfile {
    /** Gen-2's form: a byte string is a MessagePack array of small integers (about 1.5 bytes per random byte). */
    REFERENCE,
    /**
     * Byte strings as MessagePack {@code bin}, everything else as in the reference profile. Only the message path
     * ({@code Chat}, {@code Ack}, {@code ReadReceipt}) uses it: backup and control envelopes, which carry other
     * envelopes' signed pieces, keep the reference form.
     */
    COMPACT;

    private static final Set<MessageType> COMPACT_TYPES = Set.of(MessageType.Chat, MessageType.Ack,
            MessageType.ReadReceipt);

    /** The name a node lists in its announce to say it accepts this profile. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an envelope of {@code type} may be written in this profile. */
    public boolean carries(MessageType type) {
        return this == REFERENCE || COMPACT_TYPES.contains(type);
    }
}
