package org.tomprotocol.core.engine;

import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.WireProfile;

/** Signs an unsigned envelope as this node and returns its wire form; thread-safe. */
@FunctionalInterface
public interface EnvelopeSealer {
    /** The envelope signed and written in {@code profile}, which must carry its message type. */
    byte[] signAndEncode(Envelope unsigned, WireProfile profile);
}
