package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;

/**
 * A malicious peer connects to a node and sends it crafted frames: each is refused with a counted reason,
 * none reaches the application, and the node keeps working.
 */
class HostileInputTest {
    private static final TomV1Suite SUITE = new TomV1Suite();

    private SimulatedNetwork net;
    private TomNode victim;
    private TomNode honest;
    private LocalIdentity mallory;
    private Transport malloryLink;
    private final List<byte[]> framesToVictim = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        net = new SimulatedNetwork(42);
        victim = net.node("victim");
        honest = net.node("honest");
        net.link(honest, victim);
        mallory = SUITE.generateIdentity();
        malloryLink = net.network.transportProvider().bind(new TransportContext(mallory, SUITE,
                List.of(TransportAddress.parse("mem:mallory")), 1 << 20, Map.of(), org.tomprotocol.testkit.FrameListeners.ignoring()));
        malloryLink.addPeerAddresses(victim.id(), List.of(TransportAddress.parse("mem:victim")));
        net.network.dropFrames((from, to, channel, frame) -> {
            if (to.equals(victim.id()) && channel == FrameChannel.ENVELOPE) {
                framesToVictim.add(frame.clone());
            }
            return false;
        });
        net.run(Duration.ofMillis(100));
    }

    private long now() {
        return net.runtime.nowMillis();
    }

    private Envelope chatFrom(NodeId from, long timestamp, byte[] payload, boolean encrypted) {
        return Envelope.unsigned(MessageId.random(), from, victim.id(), List.of(), MessageType.Chat, payload,
                timestamp, encrypted);
    }

    private byte[] signed(Envelope envelope, LocalIdentity signer) {
        var signing = EnvelopeCodec.signingBytes(envelope);
        return EnvelopeCodec.encode(envelope.withSignature(signer.sign(signing.bytes())), signing);
    }

    private byte[] sealedFor(NodeId recipient, String text) throws Exception {
        return EncryptedPayloadCodec.encode(SUITE.seal(recipient, text.getBytes(StandardCharsets.UTF_8)));
    }

    private void inject(byte[] frame) {
        malloryLink.send(victim.id(), FrameChannel.ENVELOPE, frame);
        net.run(Duration.ofMillis(200));
    }

    @Test
    void forgedUnsignedTamperedFutureAndExpiredEnvelopesAreRejectedAndCounted() throws Exception {
        byte[] sealed = sealedFor(victim.id(), "hi");
        // claims to come from the honest node but is signed by mallory
        inject(signed(chatFrom(honest.id(), now(), sealed, true), mallory));
        // no signature at all
        inject(EnvelopeCodec.encode(chatFrom(mallory.id(), now(), sealed, true)));
        // ciphertext altered (then signed by its author, so only decryption can tell)
        SealedPayload original = EncryptedPayloadCodec.decode(sealed);
        byte[] ciphertext = original.ciphertext().clone();
        ciphertext[0] ^= 1;
        byte[] tampered = EncryptedPayloadCodec.encode(new SealedPayload(ciphertext, original.nonce(),
                original.ephemeralPublicKey()));
        inject(signed(chatFrom(mallory.id(), now(), tampered, true), mallory));
        // valid but from ten minutes in the future, and one from 25 hours ago
        inject(signed(chatFrom(mallory.id(), now() + Duration.ofMinutes(10).toMillis(), sealedFor(victim.id(), "f"), true), mallory));
        inject(signed(chatFrom(mallory.id(), now() - Duration.ofHours(25).toMillis(), sealedFor(victim.id(), "o"), true), mallory));
        // garbage
        inject(new byte[] {(byte) 0x9a, 1, 2, 3});

        var metrics = victim.metrics();
        assertThat(metrics.get("rejected.bad-signature")).isEqualTo(1);
        assertThat(metrics.get("rejected.unsigned")).isEqualTo(1);
        assertThat(metrics.get("rejected.decryption-failed")).isEqualTo(1);
        assertThat(metrics.get("rejected.future-timestamp")).isEqualTo(1);
        assertThat(metrics.get("rejected.expired")).isEqualTo(1);
        assertThat(metrics.get("rejected.malformed")).isEqualTo(1);
        assertThat(net.inbox(victim)).isEmpty();

        OutboundMessage stillWorks = honest.send(victim.id(), "after the attack".getBytes(StandardCharsets.UTF_8));
        assertThat(net.runUntil(() -> stillWorks.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
        assertThat(net.inbox(victim)).hasSize(1);
    }

    @Test
    void aReplayedAcknowledgementIsRejectedAndCounted() {
        OutboundMessage sent = victim.send(honest.id(), "ack me".getBytes(StandardCharsets.UTF_8));
        assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
        byte[] ack = framesToVictim.stream().filter(f -> DeliveryScenariosTest.isAck(f,
                org.tomprotocol.core.wire.AckType.RecipientReceived)).findFirst().orElseThrow();

        inject(ack);

        assertThat(victim.metrics().get("rejected.replayed-ack")).isEqualTo(1);
        assertThat(sent.timeline()).hasSize(3);
    }

    @Test
    void anEnvelopeForSomeoneElseThatDoesNotNameThisNodeIsNotForwarded() throws Exception {
        Envelope notForVictim = Envelope.unsigned(MessageId.random(), mallory.id(), honest.id(), List.of(),
                MessageType.Chat, sealedFor(honest.id(), "use me as an open relay"), now(), true);
        inject(signed(notForVictim, mallory));

        assertThat(victim.metrics().get("rejected.not-addressed-here")).isEqualTo(1);
        assertThat(victim.metrics().get("forwarded")).isZero();
        assertThat(net.inbox(honest)).isEmpty();
    }
}
