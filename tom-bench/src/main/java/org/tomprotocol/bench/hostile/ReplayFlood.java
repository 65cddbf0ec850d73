package org.tomprotocol.bench.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.SendOptions;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.FrameListeners;

/**
 * Attack 9: a relay keeps a copy of a chat it carried honestly and sends it to the recipient again and again.
 * The figure that matters: how many copies the victim's application got.
 */
final class ReplayFlood implements Attack {
    private final CompletableFuture<byte[]> captured = new CompletableFuture<>();
    private Attacker attacker;
    private Victim victim;

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public void prepare(Victim target, HonestTraffic honest) throws Exception {
        victim = target;
        attacker = new Attacker(FrameListeners.of(this::relay));
        attacker.connect(victim.id, victim.address);
        honest.node.addPeer(PeerAddress.of(attacker.id(), attacker.address()));
        Thread.sleep(500);
        OutboundMessage carried = honest.node.send(victim.id, "pay bob 10".getBytes(),
                SendOptions.viaRelays(attacker.id()));
        carried.delivered().toCompletableFuture().get(10, TimeUnit.SECONDS);
        captured.get(1, TimeUnit.SECONDS);
    }

    @Override
    public void run(long endNanos) throws Exception {
        byte[] copy = captured.get();
        attacker.flood(victim.id, FrameChannel.ENVELOPE, () -> copy, 64, endNanos);
    }

    @Override
    public Map<String, Object> figures(Victim target) throws Exception {
        var stats = target.stats();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("replays_sent", attacker.framesSent.get());
        figures.put("duplicates_delivered_to_app", stats.path("delivered").asLong()
                - stats.path("distinct_delivered").asLong());
        figures.put("acknowledged_again", stats.path("counters").path("duplicates").asLong(0));
        return figures;
    }

    @Override
    public void close() {
        attacker.close();
    }

    /** Relays what names it as a relay, like an honest relay, keeping the first chat it carries. */
    private void relay(NodeId peer, FrameChannel channel, byte[] frame) {
            if (channel != FrameChannel.ENVELOPE) {
                return;
            }
            try {
                Envelope envelope = EnvelopeCodec.decode(frame).envelope();
                if (!envelope.via().contains(attacker.id())) {
                    return;
                }
                byte[] forwarded = EnvelopeCodec.encode(envelope.withTtl(envelope.ttl() - 1));
                attacker.send(envelope.hopAfter(attacker.id()), FrameChannel.ENVELOPE, forwarded);
                if (envelope.type() == MessageType.Chat) {
                    captured.complete(forwarded);
                    attacker.send(envelope.from(), FrameChannel.ENVELOPE, attacker.sign(Envelope.unsigned(
                            org.tomprotocol.api.MessageId.random(), attacker.id(), envelope.from(), List.of(),
                            MessageType.Ack, new AckPayload(envelope.id(), AckType.RelayForwarded).encode(),
                            System.currentTimeMillis(), false)));
                }
            } catch (org.tomprotocol.core.wire.WireException e) {
                // not for this attacker
            }
    }
}
