package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/**
 * Proof-of-work stamps (wire spec §15) against the spec's vectors and against a second implementation written from
 * the spec alone (Bouncy Castle's SHA-256, the subject built byte by byte, zero bits counted through
 * {@link BigInteger}): the nonce minted is the first that qualifies, and both agree on every nonce before it.
 */
class StampTest {
    private static final NodeId FROM = NodeId.parse("11".repeat(32));
    private static final NodeId TO = NodeId.parse("22".repeat(32));

    /** The spec's subject: the domain, the id's UTF-8 bytes, the two ids' 32 bytes. */
    private static byte[] independentSubject(String id, NodeId from, NodeId to) {
        byte[] domain = "tom-stamp-v1".getBytes(StandardCharsets.US_ASCII);
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[domain.length + idBytes.length + 64];
        System.arraycopy(domain, 0, out, 0, domain.length);
        System.arraycopy(idBytes, 0, out, domain.length, idBytes.length);
        System.arraycopy(from.toBytes(), 0, out, domain.length + idBytes.length, 32);
        System.arraycopy(to.toBytes(), 0, out, domain.length + idBytes.length + 32, 32);
        return out;
    }

    private static int independentZeroBits(byte[] subject, long nonce) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(subject, 0, subject.length);
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (nonce >>> shift));
        }
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        return 256 - new BigInteger(1, hash).bitLength();
    }

    @ParameterizedTest(name = "{0} at {1} bits: nonce {2}")
    @CsvSource({
        "stamp-vector-1, 0, 0",
        "stamp-vector-1, 8, 15",
        "stamp-vector-1, 16, 23656",
        "00000000-0000-4000-8000-000000000000, 8, 26",
        "00000000-0000-4000-8000-000000000000, 16, 112429",
    })
    void theSpecsVectorsHoldInBothImplementations(String id, int bits, long nonce) {
        byte[] subject = Stamp.subject(new MessageId(id), FROM, TO);
        assertThat(subject).isEqualTo(independentSubject(id, FROM, TO));

        assertThat(Stamp.mint(subject, bits)).isEqualTo(nonce);
        assertThat(Stamp.verify(subject, nonce, bits)).isTrue();
        assertThat(independentZeroBits(subject, nonce)).isGreaterThanOrEqualTo(bits);
        for (long earlier = 0; earlier < nonce; earlier++) {
            assertThat(independentZeroBits(subject, earlier)).as("nonce %d", earlier).isLessThan(bits);
        }
    }

    @Test
    void aStampVerifiesExactlyWhenTheSecondImplementationCountsEnoughZeroBits() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            String id = MessageId.random().value();
            byte[] subject = Stamp.subject(new MessageId(id), FROM, TO);
            long nonce = random.nextLong();
            int bits = random.nextInt(0, 6);
            assertThat(Stamp.verify(subject, nonce, bits))
                    .isEqualTo(independentZeroBits(independentSubject(id, FROM, TO), nonce) >= bits);
        }
    }

    @Test
    void aStampIsBoundToItsEnvelope() {
        byte[] subject = Stamp.subject(new MessageId("stamp-vector-1"), FROM, TO);
        long nonce = Stamp.mint(subject, 12);

        assertThat(Stamp.verify(Stamp.subject(new MessageId("stamp-vector-2"), FROM, TO), nonce, 12)).isFalse();
        assertThat(Stamp.verify(Stamp.subject(new MessageId("stamp-vector-1"), TO, FROM), nonce, 12)).isFalse();
    }

    @Test
    void aDifficultyOutOfRangeIsRefusedNamingTheRange() {
        assertThatThrownBy(() -> Stamp.mint(new byte[1], 33)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 32");
    }

    @Test
    void theSubjectOfTheFirstVectorIsTheSpecs() {
        assertThat(HexFormat.of().formatHex(Stamp.subject(new MessageId("stamp-vector-1"), FROM, TO))).isEqualTo(
                "746f6d2d7374616d702d76317374616d702d766563746f722d31" + "11".repeat(32) + "22".repeat(32));
    }
}
