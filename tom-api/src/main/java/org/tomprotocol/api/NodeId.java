package org.tomprotocol.api;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identity of a ToM node: its 32-byte Ed25519 public key.
 *
 * <p>The canonical text form is 64 lowercase hex characters. {@link #parse(String)} also accepts the
 * 52-character RFC 4648 base32 form (no padding, any case) that ToM Gen-2 prints. A node id is public
 * information; it is safe to log.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class NodeId implements Comparable<NodeId> {
    /** Length of a node id in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();
    private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int BASE32_LENGTH = 52;

    private final byte[] key;
    private final int hash;

    private NodeId(byte[] key) {
        this.key = key;
        this.hash = Arrays.hashCode(key);
    }

    /**
     * Wraps a 32-byte public key. The bytes are copied.
     *
     * @throws IllegalArgumentException if {@code publicKey} is not 32 bytes long
     */
    public static NodeId of(byte[] publicKey) {
        if (publicKey == null || publicKey.length != LENGTH) {
            throw new IllegalArgumentException("a node id is a 32-byte Ed25519 public key, got "
                    + (publicKey == null ? "null" : publicKey.length + " bytes"));
        }
        return new NodeId(publicKey.clone());
    }

    /**
     * Parses 64 hex characters (either case) or 52 base32 characters.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static NodeId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("node id is missing: expected 64 hex characters");
        }
        String trimmed = text.strip();
        if (trimmed.length() == 2 * LENGTH) {
            try {
                return new NodeId(HEX.parseHex(trimmed.toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("node id '" + abbreviate(trimmed)
                        + "' is not valid hex: expected 64 characters 0-9a-f", e);
            }
        }
        if (trimmed.length() == BASE32_LENGTH) {
            return new NodeId(decodeBase32(trimmed));
        }
        throw new IllegalArgumentException("node id '" + abbreviate(trimmed) + "' has " + trimmed.length()
                + " characters: expected 64 hex characters (or 52 base32 characters)");
    }

    private static byte[] decodeBase32(String text) {
        byte[] out = new byte[LENGTH];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = BASE32_ALPHABET.indexOf(Character.toUpperCase(text.charAt(i)));
            if (value < 0) {
                throw new IllegalArgumentException("node id '" + abbreviate(text)
                        + "' is not valid base32: character '" + text.charAt(i) + "' at " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[index++] = (byte) (buffer >>> bits);
            }
        }
        if ((buffer & ((1L << bits) - 1)) != 0) {
            throw new IllegalArgumentException("node id '" + abbreviate(text) + "' is not canonical base32");
        }
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 12) + "…";
    }

    /** Returns a copy of the 32 public-key bytes. */
    public byte[] toBytes() {
        return key.clone();
    }

    /** Copies the key into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(key, 0, target, offset, LENGTH);
    }

    /** The canonical 64-character lowercase hex form. */
    public String toHex() {
        return HEX.formatHex(key);
    }

    /** The first 8 hex characters, for human-facing output where the full id is too long. */
    public String shortForm() {
        return toHex().substring(0, 8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeId that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(NodeId other) {
        return Arrays.compareUnsigned(key, other.key);
    }

    /** The canonical hex form. */
    @Override
    public String toString() {
        return toHex();
    }
}
