package org.tomprotocol.core.wire;

/**
 * The bytes an envelope's signature covers — the MessagePack array of its eight fields other than
 * {@code signature} and {@code ttl} — plus where those two fields go when the full envelope is spliced
 * together from them (right after {@code timestamp}), and the profile they are written in (the two spliced fields
 * must be written in it too).
 *
 * @param bytes   the signed bytes; read-only
 * @param splitAt offset in {@code bytes} just after the {@code timestamp} field
 * @param profile how the byte strings in them are written
 */
public record SigningBytes(byte[] bytes, int splitAt, WireProfile profile) {
    /** Signing bytes in the reference profile. */
    public SigningBytes(byte[] bytes, int splitAt) {
        this(bytes, splitAt, WireProfile.REFERENCE);
    }
}
