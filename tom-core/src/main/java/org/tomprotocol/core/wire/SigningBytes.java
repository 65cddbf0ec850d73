package org.tomprotocol.core.wire;

/**
 * The bytes an envelope's signature covers — the MessagePack array of its eight fields other than
 * {@code signature} and {@code ttl} — plus where those two fields go when the full envelope is spliced
 * together from them (right after {@code timestamp}).
 *
 * @param bytes   the signed bytes; read-only
 * @param splitAt offset in {@code bytes} just after the {@code timestamp} field
 */
public record SigningBytes(byte[] bytes, int splitAt) {
}
