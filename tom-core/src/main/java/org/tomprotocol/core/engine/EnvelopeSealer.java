package org.tomprotocol.core.engine;

import org.tomprotocol.core.wire.Envelope;

/** Signs an unsigned envelope as this node and returns its wire form; thread-safe. */
@FunctionalInterface
public interface EnvelopeSealer {
    byte[] signAndEncode(Envelope unsigned);
}
