package org.tomprotocol.core.wire;

/**
 * An envelope decoded from the wire together with the bytes its signature covers, taken from the input
 * itself (the decoder accepts canonical encodings only, so they are exactly what the sender signed).
 *
 * @param envelope     the envelope
 * @param signingBytes what the signature covers
 * @param wireLength   size of the encoded envelope
 */
public record DecodedEnvelope(Envelope envelope, SigningBytes signingBytes, int wireLength) {
    /** The profile the sender wrote the envelope in; its payload structure is in the same profile. */
    public WireProfile profile() {
        return signingBytes.profile();
    }
}
