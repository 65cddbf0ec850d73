package org.tomprotocol.bench.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.FrameListeners;

/** Attack 8: a neighbour sends well-formed chats with broken signatures, as fast as QUIC takes them. */
final class BadSignatureFlood implements Attack {
    private Attacker attacker;
    private Victim victim;
    private byte[] forged;

    @Override
    public String name() {
        return "bad-signatures";
    }

    @Override
    public void prepare(Victim target, HonestTraffic honest) throws Exception {
        victim = target;
        attacker = new Attacker(FrameListeners.ignoring());
        attacker.connect(victim.id, victim.address);
        byte[] sealed = EncryptedPayloadCodec.encode(Attacker.SUITE.seal(victim.id, new byte[1024]));
        forged = attacker.sign(Envelope.unsigned(MessageId.random(), attacker.id(), victim.id, List.of(),
                MessageType.Chat, sealed, System.currentTimeMillis(), true));
        forged[forged.length - 1] ^= 1;
    }

    @Override
    public void run(long endNanos) throws Exception {
        attacker.flood(victim.id, FrameChannel.ENVELOPE, () -> forged, 256, endNanos);
    }

    @Override
    public Map<String, Object> figures(Victim target) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("frames_sent", attacker.framesSent.get());
        figures.put("verified_and_refused", target.counter("rejected.bad-signature"));
        figures.put("dropped_before_verifying", target.counter("rejected.over-budget"));
        return figures;
    }

    @Override
    public void close() {
        attacker.close();
    }
}
