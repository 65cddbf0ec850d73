package org.tomprotocol.core.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/**
 * A proof-of-work stamp on one envelope (wire spec §15, lock 5): a nonce such that
 * {@code SHA-256("tom-stamp-v1" || id || from || to || nonce)} starts with at least {@code bits} zero bits, where
 * {@code id} is the envelope id in UTF-8, {@code from} and {@code to} the 32-byte node ids and {@code nonce} 8 bytes,
 * big-endian. Minting costs about {@code 2^bits} hashes, checking one: a receiver asks an origin that exceeds its
 * budget for a stamp whose difficulty rises with the excess, so the origin's effective rate falls smoothly while
 * it can always get a message through by paying (hashcash, bound to one envelope so it cannot be reused).
 */
public final class Stamp {
    /** The hardest stamp asked for: about four billion hashes. */
    public static final int MAX_BITS = 32;
    /** The {@code wire_profiles} token of a node that reads stamped frames (§10, §15). */
    public static final String ANNOUNCE_TOKEN = "stamped";
    /** Bytes of the stamp before the envelope in a stamped frame. */
    public static final int FRAME_PREFIX_BYTES = Long.BYTES;
    private static final byte[] DOMAIN = "tom-stamp-v1".getBytes(StandardCharsets.US_ASCII);

    private Stamp() {
    }

    /** What a stamp on the envelope {@code id} from {@code from} to {@code to} proves work over. */
    public static byte[] subject(MessageId id, NodeId from, NodeId to) {
        byte[] idBytes = id.value().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(DOMAIN.length + idBytes.length + 2 * NodeId.LENGTH).put(DOMAIN).put(idBytes)
                .put(from.toBytes()).put(to.toBytes()).array();
    }

    /** The first nonce from 0 up whose stamp over {@code subject} has {@code bits} leading zero bits. */
    public static long mint(byte[] subject, int bits) {
        checkBits(bits);
        MessageDigest prefix = sha256();
        prefix.update(subject);
        byte[] nonceBytes = new byte[Long.BYTES];
        for (long nonce = 0; ; nonce++) {
            MessageDigest digest = copy(prefix);
            digest.update(ByteBuffer.wrap(nonceBytes).putLong(0, nonce).array());
            if (leadingZeroBits(digest.digest()) >= bits) {
                return nonce;
            }
        }
    }

    /** Whether {@code nonce} stamps {@code subject} with at least {@code bits} leading zero bits. */
    public static boolean verify(byte[] subject, long nonce, int bits) {
        checkBits(bits);
        MessageDigest digest = sha256();
        digest.update(subject);
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(nonce).array());
        return leadingZeroBits(digest.digest()) >= bits;
    }

    /** Whether {@code nonce} stamps {@code envelope} — its id, origin and recipient — with at least {@code bits}. */
    public static boolean verify(Envelope envelope, long nonce, int bits) {
        return verify(subject(envelope.id(), envelope.from(), envelope.to()), nonce, bits);
    }

    /** A stamped frame (§15): {@code nonce} as 8 bytes, big-endian, then the encoded envelope. */
    public static byte[] frame(long nonce, byte[] envelope) {
        return ByteBuffer.allocate(FRAME_PREFIX_BYTES + envelope.length).putLong(nonce).put(envelope).array();
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
            } else {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
        }
        return bits;
    }

    private static void checkBits(int bits) {
        if (bits < 0 || bits > MAX_BITS) {
            throw new IllegalArgumentException("a stamp has 0 to " + MAX_BITS + " bits, not " + bits);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static MessageDigest copy(MessageDigest prefix) {
        try {
            return (MessageDigest) prefix.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this runtime's SHA-256 cannot be copied", e);
        }
    }
}
