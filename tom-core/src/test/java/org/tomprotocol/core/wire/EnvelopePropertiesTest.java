package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.SealedPayload;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Encode/decode round trips of arbitrary envelopes and payloads, down to the byte. (jqwik properties; the
 * class name ends in Test so Surefire's default includes run it.)
 */
class EnvelopePropertiesTest {

    @Property(tries = 500)
    void envelopesRoundTripExactly(@ForAll("envelopes") Envelope envelope) throws WireException {
        byte[] wire = EnvelopeCodec.encode(envelope);
        DecodedEnvelope decoded = EnvelopeCodec.decode(wire);
        assertSameEnvelope(decoded.envelope(), envelope);
        assertThat(decoded.wireLength()).isEqualTo(wire.length);
        SigningBytes expected = EnvelopeCodec.signingBytes(envelope);
        assertThat(decoded.signingBytes().bytes()).isEqualTo(expected.bytes());
        assertThat(decoded.signingBytes().splitAt()).isEqualTo(expected.splitAt());
        assertThat(EnvelopeCodec.encode(decoded.envelope(), decoded.signingBytes())).isEqualTo(wire);
        assertThat(EnvelopeCodec.encode(decoded.envelope())).isEqualTo(wire);
    }

    @Property(tries = 300)
    void compactEnvelopesOfTheMessagePathRoundTripExactlyAndAreAtMostTwoBytesLongerThanTheReferenceForm(
            @ForAll("envelopes") Envelope any, @ForAll("messagePathTypes") MessageType type) throws WireException {
        Envelope envelope = new Envelope(any.id(), any.from(), any.to(), any.via(), type, any.payload(),
                any.timestamp(), any.signature(), any.ttl(), any.encrypted());
        SigningBytes signing = EnvelopeCodec.signingBytes(envelope, WireProfile.COMPACT);
        byte[] wire = EnvelopeCodec.encode(envelope, signing);
        DecodedEnvelope decoded = EnvelopeCodec.decode(wire);
        assertThat(decoded.profile()).isEqualTo(WireProfile.COMPACT);
        assertSameEnvelope(decoded.envelope(), envelope);
        assertThat(decoded.signingBytes().bytes()).isEqualTo(signing.bytes());
        assertThat(decoded.signingBytes().splitAt()).isEqualTo(signing.splitAt());
        assertThat(EnvelopeCodec.encode(decoded.envelope().withTtl(0), decoded.signingBytes()))
                .isEqualTo(EnvelopeCodec.encode(envelope.withTtl(0), signing));
        // a bin8 header is one byte more than a fixarray's, for a string under 16 bytes all below 128: at worst one
        // byte for the payload and one for the signature
        assertThat(wire.length).isLessThanOrEqualTo(EnvelopeCodec.encode(envelope).length + 2);
    }

    @Property(tries = 300)
    void encryptedPayloadsMoveBetweenProfilesWithoutChange(@ForAll @Size(max = 4096) byte[] ciphertext,
                                                          @ForAll @Size(24) byte[] nonce,
                                                          @ForAll @Size(32) byte[] ephemeral) throws WireException {
        SealedPayload sealed = new SealedPayload(ciphertext, nonce, ephemeral);
        byte[] reference = EncryptedPayloadCodec.encode(sealed);
        byte[] compact = EncryptedPayloadCodec.encode(sealed, WireProfile.COMPACT);
        assertThat(EncryptedPayloadCodec.inProfile(reference, WireProfile.COMPACT)).isEqualTo(compact);
        assertThat(EncryptedPayloadCodec.inProfile(compact, WireProfile.REFERENCE)).isEqualTo(reference);
        assertThat(EncryptedPayloadCodec.inProfile(compact, WireProfile.COMPACT)).isSameAs(compact);
        SealedPayload back = EncryptedPayloadCodec.decode(compact, WireProfile.COMPACT);
        assertThat(back.ciphertext()).isEqualTo(ciphertext);
        assertThat(back.nonce()).isEqualTo(nonce);
        assertThat(back.ephemeralPublicKey()).isEqualTo(ephemeral);
    }

    @Property(tries = 300)
    void aRelayCanReSpliceWithAnyTtlAndTheSignedBytesStayTheSame(@ForAll("envelopes") Envelope envelope,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int ttl) throws WireException {
        DecodedEnvelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(envelope));
        byte[] forwarded = EnvelopeCodec.encode(decoded.envelope().withTtl(ttl), decoded.signingBytes());
        DecodedEnvelope again = EnvelopeCodec.decode(forwarded);
        assertThat(again.envelope().ttl()).isEqualTo(ttl);
        assertThat(again.signingBytes().bytes()).isEqualTo(decoded.signingBytes().bytes());
    }

    @Property(tries = 200)
    void theWireFormIsTheSigningBytesWithSignatureAndTtlSplicedInAfterTimestamp(@ForAll("envelopes") Envelope envelope) {
        byte[] wire = EnvelopeCodec.encode(envelope);
        SigningBytes signing = EnvelopeCodec.signingBytes(envelope);
        byte[] signed = signing.bytes();
        int at = signing.splitAt();
        byte[] inserted = new MsgpackWriter().bytes(envelope.signature()).unsigned(envelope.ttl()).toByteArray();
        assertThat(signed[0]).isEqualTo((byte) 0x98);
        assertThat(wire[0]).isEqualTo((byte) 0x9a);
        assertThat(wire).hasSize(signed.length + inserted.length);
        assertThat(Arrays.copyOfRange(wire, 1, at)).isEqualTo(Arrays.copyOfRange(signed, 1, at));
        assertThat(Arrays.copyOfRange(wire, at, at + inserted.length)).isEqualTo(inserted);
        assertThat(Arrays.copyOfRange(wire, at + inserted.length, wire.length))
                .isEqualTo(Arrays.copyOfRange(signed, at, signed.length));
    }

    @Property(tries = 300)
    void acksRoundTrip(@ForAll("messageIds") MessageId id, @ForAll AckType type) throws WireException {
        AckPayload ack = new AckPayload(id, type);
        assertThat(AckPayload.decode(ack.encode())).isEqualTo(ack);
    }

    @Property(tries = 300)
    void readReceiptsRoundTrip(@ForAll("messageIds") MessageId id, @ForAll @LongRange(min = 0) long readAt)
            throws WireException {
        ReadReceiptPayload receipt = new ReadReceiptPayload(id, readAt);
        assertThat(ReadReceiptPayload.decode(receipt.encode())).isEqualTo(receipt);
    }

    @Property(tries = 300)
    void encryptedPayloadsRoundTrip(@ForAll @Size(max = 4096) byte[] ciphertext, @ForAll @Size(24) byte[] nonce,
                                    @ForAll @Size(32) byte[] ephemeral) throws WireException {
        byte[] encoded = EncryptedPayloadCodec.encode(new SealedPayload(ciphertext, nonce, ephemeral));
        SealedPayload back = EncryptedPayloadCodec.decode(encoded);
        assertThat(back.ciphertext()).isEqualTo(ciphertext);
        assertThat(back.nonce()).isEqualTo(nonce);
        assertThat(back.ephemeralPublicKey()).isEqualTo(ephemeral);
        assertThat(EncryptedPayloadCodec.encode(back)).isEqualTo(encoded);
    }

    @Property(tries = 300)
    void announcesRoundTrip(@ForAll("announces") PeerAnnounce announce) throws WireException {
        byte[] encoded = announce.encode();
        PeerAnnounce back = PeerAnnounce.decode(encoded);
        assertThat(back.nodeId()).isEqualTo(announce.nodeId());
        assertThat(back.username()).isEqualTo(announce.username());
        assertThat(back.roles()).isEqualTo(announce.roles());
        assertThat(back.timestamp()).isEqualTo(announce.timestamp());
        assertThat(back.addresses()).isEqualTo(announce.addresses());
        assertThat(back.wireProfiles()).isEqualTo(announce.wireProfiles());
        assertThat(back.signature()).isEqualTo(announce.signature());
        assertThat(back.signingBytes()).isEqualTo(announce.signingBytes());
        assertThat(back.encode()).isEqualTo(encoded);
    }

    static void assertSameEnvelope(Envelope actual, Envelope expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.from()).isEqualTo(expected.from());
        assertThat(actual.to()).isEqualTo(expected.to());
        assertThat(actual.via()).isEqualTo(expected.via());
        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(actual.payload()).isEqualTo(expected.payload());
        assertThat(actual.timestamp()).isEqualTo(expected.timestamp());
        assertThat(actual.signature()).isEqualTo(expected.signature());
        assertThat(actual.ttl()).isEqualTo(expected.ttl());
        assertThat(actual.encrypted()).isEqualTo(expected.encrypted());
    }

    @Provide
    Arbitrary<MessageId> messageIds() {
        Arbitrary<String> uuids = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
        Arbitrary<String> any = Arbitraries.strings().ofMinLength(1).ofMaxLength(MessageId.MAX_LENGTH)
                .filter(text -> text.getBytes(StandardCharsets.UTF_8).length <= MessageId.MAX_LENGTH)
                .filter(text -> StandardCharsets.UTF_8.newEncoder().canEncode(text));
        return Arbitraries.oneOf(uuids, any).map(MessageId::new);
    }

    @Provide
    Arbitrary<MessageType> messagePathTypes() {
        return Arbitraries.of(MessageType.Chat, MessageType.Ack, MessageType.ReadReceipt);
    }

    @Provide
    Arbitrary<NodeId> nodeIds() {
        return Arbitraries.bytes().array(byte[].class).ofSize(NodeId.LENGTH).map(NodeId::of);
    }

    @Provide
    Arbitrary<Envelope> envelopes() {
        Arbitrary<List<NodeId>> via = nodeIds().list().ofMaxSize(EnvelopeCodec.MAX_DECODED_RELAYS);
        // mostly small, sometimes past the 16-bit array header
        Arbitrary<byte[]> payload = Arbitraries.frequencyOf(
                Tuple.of(19, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(65_530).ofMaxSize(65_560)));
        Arbitrary<byte[]> signature = Arbitraries.oneOf(Arbitraries.just(new byte[0]),
                Arbitraries.bytes().array(byte[].class).ofSize(Envelope.SIGNATURE_LENGTH));
        Arbitrary<Long> timestamp = Arbitraries.oneOf(Arbitraries.longs().greaterOrEqual(0),
                Arbitraries.longs().between(0, 70_000), Arbitraries.of(0L, 127L, 128L, 255L, 256L, 65_535L, 65_536L,
                        4_294_967_295L, 4_294_967_296L, Long.MAX_VALUE));
        Arbitrary<Integer> ttl = Arbitraries.oneOf(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().greaterOrEqual(0));
        Arbitrary<Addressing> addressing = Combinators.combine(messageIds(), nodeIds(), nodeIds(), via)
                .as(Addressing::new);
        return Combinators.combine(addressing, Arbitraries.of(MessageType.class), payload, timestamp, signature, ttl,
                        Arbitraries.of(true, false))
                .as((head, type, bytes, time, sig, hops, encrypted) -> new Envelope(head.id(), head.from(), head.to(),
                        head.via(), type, bytes, time, sig, hops, encrypted));
    }

    private record Addressing(MessageId id, NodeId from, NodeId to, List<NodeId> via) {
    }

    @Provide
    Arbitrary<PeerAnnounce> announces() {
        Arbitrary<String> username = Arbitraries.strings().ofMaxLength(PeerAnnounce.MAX_USERNAME_BYTES)
                .filter(text -> text.getBytes(StandardCharsets.UTF_8).length <= PeerAnnounce.MAX_USERNAME_BYTES)
                .filter(text -> StandardCharsets.UTF_8.newEncoder().canEncode(text));
        Arbitrary<TransportAddress> address = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 65_535).map(port -> new TransportAddress("quic", "203.0.113."
                        + (port % 256) + ":" + port)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(name -> new TransportAddress("mem",
                        name)),
                Arbitraries.integers().between(1, 65_535).map(port -> new TransportAddress("quic", "[2001:db8::"
                        + Integer.toHexString(port) + "]:" + port)));
        Arbitrary<byte[]> signature = Arbitraries.oneOf(Arbitraries.just(new byte[0]),
                Arbitraries.bytes().array(byte[].class).ofSize(Envelope.SIGNATURE_LENGTH));
        Arbitrary<List<String>> profiles = Arbitraries.of("compact", "reference", "some-future-profile").list()
                .ofMaxSize(PeerAnnounce.MAX_WIRE_PROFILES);
        Arbitrary<List<String>> roles = Arbitraries.oneOf(Arbitraries.of(PeerRole.class).map(PeerRole::name),
                Arbitraries.just("SomeFutureRole")).list().ofMaxSize(PeerAnnounce.MAX_ROLES);
        return Combinators.combine(nodeIds(), username, roles,
                        Arbitraries.longs().greaterOrEqual(0), address.list().ofMaxSize(PeerAnnounce.MAX_ADDRESSES),
                        profiles, signature)
                .as(PeerAnnounce::new);
    }
}
