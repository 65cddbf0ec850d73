package org.tomprotocol.core.wire;

import org.tomprotocol.api.MessageId;

/**
 * Encodes and decodes {@link Envelope}s exactly as ToM Gen-2 (rmp-serde) does: a 10-element positional
 * array; node ids as 64-character hex strings; byte arrays as arrays of compact unsigned integers; the
 * message type by variant name; unsigned integers in their most compact form. The signature covers the
 * 8-element array without {@code signature} and {@code ttl}.
 *
 * <p>The full encoding is spliced from the signing bytes, so an envelope is serialised once whether it is
 * being signed, sent or forwarded.
 *
 * <p>An envelope may instead be written in the {@linkplain WireProfile#COMPACT compact profile} (byte arrays as
 * {@code bin}); the decoder tells the profiles apart by the form of the {@code payload} field and then reads the
 * rest of the envelope in that profile only.
 */
public final class EnvelopeCodec {
    /** Largest encoded envelope accepted from the network (Gen-2's anti-spam cap), checked before decoding. */
    public static final int MAX_ENVELOPE_BYTES = 256 * 1024;
    /** Most relays the decoder reads; the router rejects more than {@link Envelope#MAX_RELAYS} with a reason. */
    static final int MAX_DECODED_RELAYS = 16;

    private static final int ENVELOPE_FIELDS = 10;
    private static final int SIGNED_FIELDS = 8;
    private static final byte FIXARRAY_8 = (byte) 0x98;
    private static final byte FIXARRAY_10 = (byte) 0x9a;

    private EnvelopeCodec() {
    }

    /** The bytes the signature of {@code envelope} covers, in the reference profile. */
    public static SigningBytes signingBytes(Envelope envelope) {
        return signingBytes(envelope, WireProfile.REFERENCE);
    }

    /**
     * The bytes the signature of {@code envelope} covers, written in {@code profile}.
     *
     * @throws IllegalArgumentException if the profile does not carry the envelope's message type
     */
    public static SigningBytes signingBytes(Envelope envelope, WireProfile profile) {
        if (!profile.carries(envelope.type())) {
            throw new IllegalArgumentException(envelope.type() + " is written in the reference profile only");
        }
        MsgpackWriter writer = new MsgpackWriter(profile);
        writer.arrayHeader(SIGNED_FIELDS)
                .string(envelope.id().value())
                .nodeId(envelope.from())
                .nodeId(envelope.to())
                .nodeIds(envelope.via())
                .string(envelope.type().name())
                .bytes(envelope.payload())
                .unsigned(envelope.timestamp());
        int splitAt = writer.size();
        writer.bool(envelope.encrypted());
        return new SigningBytes(writer.toByteArray(), splitAt, profile);
    }

    /** The full wire form of {@code envelope}, in the reference profile. */
    public static byte[] encode(Envelope envelope) {
        return encode(envelope, signingBytes(envelope));
    }

    /**
     * The full wire form of {@code envelope}, spliced from signing bytes already computed for it (e.g. kept
     * from decoding, when a relay forwards with a smaller ttl).
     */
    public static byte[] encode(Envelope envelope, SigningBytes signed) {
        byte[] signature = envelope.signature();
        MsgpackWriter tail = new MsgpackWriter(signed.profile());
        tail.bytes(signature).unsigned(envelope.ttl());
        byte[] inserted = tail.toByteArray();
        byte[] source = signed.bytes();
        byte[] wire = new byte[source.length + inserted.length];
        wire[0] = FIXARRAY_10;
        System.arraycopy(source, 1, wire, 1, signed.splitAt() - 1);
        System.arraycopy(inserted, 0, wire, signed.splitAt(), inserted.length);
        System.arraycopy(source, signed.splitAt(), wire, signed.splitAt() + inserted.length,
                source.length - signed.splitAt());
        return wire;
    }

    /**
     * Decodes an envelope from the network.
     *
     * @throws WireException if the bytes are too many, malformed, non-canonical, have trailing bytes or an
     *                       unknown message type
     */
    public static DecodedEnvelope decode(byte[] wire) throws WireException {
        if (wire.length > MAX_ENVELOPE_BYTES) {
            throw new WireException("too-large", "envelope of " + wire.length + " bytes exceeds " + MAX_ENVELOPE_BYTES);
        }
        if (wire.length == 0 || wire[0] != FIXARRAY_10) {
            throw new WireException("malformed", "an envelope starts with a 10-element array");
        }
        MsgpackReader reader = new MsgpackReader(wire);
        reader.expectArray(ENVELOPE_FIELDS, "envelope");
        String id = reader.string(MessageId.MAX_LENGTH, "id");
        if (id.isEmpty()) {
            throw new WireException("malformed", "id is empty");
        }
        var from = reader.nodeId("from");
        var to = reader.nodeId("to");
        var via = reader.nodeIds(MAX_DECODED_RELAYS, "via");
        String typeName = reader.string(MessageType.MAX_NAME_LENGTH, "msg_type");
        MessageType type = MessageType.byName(typeName);
        if (type == null) {
            throw new WireException("unknown-message-type", "msg_type '" + typeName + "' is not a known message type");
        }
        WireProfile profile = reader.peekByteArrayProfile();
        if (!profile.carries(type)) {
            throw new WireException("wrong-profile", type + " is written in the reference profile only");
        }
        reader.profile(profile);
        byte[] payload = reader.bytes(MAX_ENVELOPE_BYTES, "payload");
        long timestamp = reader.unsigned(Long.MAX_VALUE, "timestamp");
        int splitAt = reader.position();
        byte[] signature = reader.bytes(Envelope.SIGNATURE_LENGTH, "signature");
        if (signature.length != 0 && signature.length != Envelope.SIGNATURE_LENGTH) {
            throw new WireException("malformed", "signature has " + signature.length + " bytes");
        }
        int ttl = (int) reader.unsigned(Integer.MAX_VALUE, "ttl");
        int resumeAt = reader.position();
        boolean encrypted = reader.bool("encrypted");
        reader.expectEnd("envelope");

        byte[] signed = new byte[wire.length - (resumeAt - splitAt)];
        signed[0] = FIXARRAY_8;
        System.arraycopy(wire, 1, signed, 1, splitAt - 1);
        System.arraycopy(wire, resumeAt, signed, splitAt, wire.length - resumeAt);
        Envelope envelope = new Envelope(new MessageId(id), from, to, via, type, payload, timestamp, signature, ttl,
                encrypted);
        return new DecodedEnvelope(envelope, new SigningBytes(signed, splitAt, profile), wire.length);
    }
}
