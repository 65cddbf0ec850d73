package org.tomprotocol.bench.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.FrameListeners;

/**
 * Attack 2: a gossip neighbour broadcasts distinct junk payloads of announce size as fast as it can. Figures:
 * the victim's memory, and what the victim passed on to another neighbour (an observer) meanwhile.
 */
final class GossipJunk implements Attack {
    private static final int PAYLOAD_BYTES = 8 * 1024;
    private static final FrameCodec CODEC = new FrameCodec(64 * 1024);

    private final AtomicLong observedBytes = new AtomicLong();
    private final AtomicLong observedGossip = new AtomicLong();
    private final SplittableRandom random = new SplittableRandom(7);
    private Attacker attacker;
    private Attacker observer;
    private Victim victim;
    private long observedBeforeAttack;

    @Override
    public String name() {
        return "gossip-junk";
    }

    @Override
    public void prepare(Victim target, HonestTraffic honest) throws Exception {
        victim = target;
        attacker = new Attacker(FrameListeners.ignoring());
        observer = new Attacker(FrameListeners.of(this::observe));
        for (Attacker peer : List.of(attacker, observer)) {
            peer.connect(victim.id, victim.address);
            peer.send(victim.id, FrameChannel.DISCOVERY, CODEC.encode(new MembershipFrame.Join(List.of(peer.address()))));
        }
        Thread.sleep(1_000);
    }

    @Override
    public void run(long endNanos) throws Exception {
        observedBeforeAttack = observedBytes.get();
        attacker.flood(victim.id, FrameChannel.DISCOVERY, () -> {
            byte[] junk = new byte[PAYLOAD_BYTES];
            random.nextBytes(junk);
            return CODEC.encode(new BroadcastFrame.Gossip(1, junk));
        }, 64, endNanos);
    }

    @Override
    public Map<String, Object> figures(Victim target) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("junk_frames_sent", attacker.framesSent.get());
        figures.put("junk_bytes_sent", attacker.bytesSent.get());
        figures.put("bytes_passed_on_to_a_neighbour", observedBytes.get() - observedBeforeAttack);
        figures.put("gossip_frames_passed_on", observedGossip.get());
        return figures;
    }

    @Override
    public void close() {
        attacker.close();
        observer.close();
    }

    /** The observer, a neighbour of the victim, counts the gossip it receives. */
    private void observe(NodeId peer, FrameChannel channel, byte[] frame) {
        if (channel == FrameChannel.DISCOVERY) {
            observedBytes.addAndGet(frame.length);
            if (frame.length > PAYLOAD_BYTES) {
                observedGossip.incrementAndGet();
            }
        }
    }
}
