package org.tomprotocol.core.wire;

import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * The payload of an encrypted envelope: {@code EncryptedPayload = [ciphertext, nonce(24), ephemeral_pk(32)]},
 * each a byte array in the envelope's {@link WireProfile}: Gen-2's integer-array form, or {@code bin}.
 */
public final class EncryptedPayloadCodec {
    /** XChaCha20-Poly1305 nonce length. */
    public static final int NONCE_LENGTH = 24;
    /** X25519 public key length. */
    public static final int EPHEMERAL_KEY_LENGTH = 32;

    private EncryptedPayloadCodec() {
    }

    /** The payload in the reference profile. */
    public static byte[] encode(SealedPayload sealed) {
        return encode(sealed, WireProfile.REFERENCE);
    }

    public static byte[] encode(SealedPayload sealed, WireProfile profile) {
        return new MsgpackWriter(profile).arrayHeader(3)
                .bytes(sealed.ciphertext())
                .bytes(sealed.nonce())
                .bytes(sealed.ephemeralPublicKey())
                .toByteArray();
    }

    /** A payload in the reference profile. */
    public static SealedPayload decode(byte[] bytes) throws WireException {
        return decode(bytes, WireProfile.REFERENCE);
    }

    /** A payload in {@code profile}; the other profile's form is refused. */
    public static SealedPayload decode(byte[] bytes, WireProfile profile) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes, profile);
        reader.expectArray(3, "encrypted payload");
        byte[] ciphertext = reader.bytes(bytes.length, "ciphertext");
        byte[] nonce = reader.fixedBytes(NONCE_LENGTH, "nonce");
        byte[] ephemeral = reader.fixedBytes(EPHEMERAL_KEY_LENGTH, "ephemeral_pk");
        reader.expectEnd("encrypted payload");
        return new SealedPayload(ciphertext, nonce, ephemeral);
    }

    /**
     * An encoded payload of our own (sealed by this node, in either profile) rewritten in {@code profile}, or
     * returned as it is if it already is: a message sealed once is sent in whichever profile each attempt's path
     * accepts.
     *
     * @throws IllegalArgumentException if {@code encoded} is not a payload in either profile
     */
    public static byte[] inProfile(byte[] encoded, WireProfile profile) {
        WireProfile current = profileOf(encoded);
        if (current == profile) {
            return encoded;
        }
        try {
            return encode(decode(encoded, current), profile);
        } catch (WireException e) {
            throw new IllegalArgumentException("not an encrypted payload: " + e.getMessage(), e);
        }
    }

    /** The profile of an encoded payload, from the header of its first byte array (after the 3-element array). */
    private static WireProfile profileOf(byte[] encoded) {
        if (encoded.length < 2) {
            throw new IllegalArgumentException("not an encrypted payload: " + encoded.length + " bytes");
        }
        int header = encoded[1] & 0xff;
        return header >= 0xc4 && header <= 0xc6 ? WireProfile.COMPACT : WireProfile.REFERENCE;
    }
}
