package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.tomprotocol.spi.crypto.LocalIdentity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of Ed25519 signing and strict verification for arbitrary seeds and messages. */
class SignaturePropertiesTest {
    private final TomV1Suite suite = new TomV1Suite();

    @Property(tries = 300)
    void aSignatureVerifiesUnderItsKeyOnly(@ForAll @Size(32) byte[] seed, @ForAll @Size(max = 512) byte[] message) {
        LocalIdentity identity = suite.identityFromSeed(seed);
        byte[] signature = identity.sign(message);
        assertThat(suite.isValidPublicKey(identity.id())).isTrue();
        assertThat(suite.verify(identity.id(), message, signature)).isTrue();
        assertThat(suite.verify(suite.generateIdentity().id(), message, signature)).isFalse();
    }

    @Property(tries = 300)
    void anySingleBitFlipInTheSignatureOrMessageIsRejected(@ForAll @Size(32) byte[] seed,
            @ForAll @Size(min = 1, max = 256) byte[] message, @ForAll @IntRange(min = 0) int position) {
        LocalIdentity identity = suite.identityFromSeed(seed);
        byte[] signature = identity.sign(message);
        int bit = position % ((64 + message.length) * 8);
        if (bit < 64 * 8) {
            assertThat(suite.verify(identity.id(), message, SealTest.flipBit(signature, bit))).isFalse();
        } else {
            assertThat(suite.verify(identity.id(), SealTest.flipBit(message, bit - 64 * 8), signature)).isFalse();
        }
    }
}
