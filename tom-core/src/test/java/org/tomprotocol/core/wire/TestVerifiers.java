package org.tomprotocol.core.wire;


import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/** The engine's inbound stage for wire tests: it signs acknowledgements as {@code identity} would. */
final class TestVerifiers {
    private TestVerifiers() {
    }

    static InboundVerifier of(CryptoSuite suite, LocalIdentity identity) {
        return new InboundVerifier(suite, identity, (unsigned, profile) -> {
            SigningBytes signing = EnvelopeCodec.signingBytes(unsigned, profile);
            return EnvelopeCodec.encode(unsigned.withSignature(identity.sign(signing.bytes())), signing);
        });
    }
}
