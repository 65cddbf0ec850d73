package org.tomprotocol.bench.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.FrameListeners;

/**
 * Attack 3: a gossip neighbour sends shuffles, introductions and forward-joins full of made-up peers. The
 * figure: how many peers the victim's table holds before and after.
 */
final class MembershipFlood implements Attack {
    private static final FrameCodec CODEC = new FrameCodec(64 * 1024);

    private final SplittableRandom random = new SplittableRandom(11);
    private Attacker attacker;
    private Victim victim;
    private long peersBefore;

    @Override
    public String name() {
        return "membership-flood";
    }

    @Override
    public void prepare(Victim target, HonestTraffic honest) throws Exception {
        victim = target;
        attacker = new Attacker(FrameListeners.ignoring());
        attacker.connect(victim.id, victim.address);
        attacker.send(victim.id, FrameChannel.DISCOVERY, CODEC.encode(new MembershipFrame.Join(List.of(attacker.address()))));
        Thread.sleep(1_000);
        peersBefore = victim.stats().path("peers").asLong();
    }

    private PeerAddress junkPeer() {
        byte[] key = new byte[NodeId.LENGTH];
        random.nextBytes(key);
        return PeerAddress.of(NodeId.of(key), TransportAddress.parse("quic:10." + random.nextInt(256) + "."
                + random.nextInt(256) + "." + random.nextInt(1, 255) + ":7400"));
    }

    private List<PeerAddress> junkPeers() {
        List<PeerAddress> peers = new ArrayList<>(FrameCodec.MAX_PEERS);
        for (int i = 0; i < FrameCodec.MAX_PEERS; i++) {
            peers.add(junkPeer());
        }
        return peers;
    }

    @Override
    public void run(long endNanos) throws Exception {
        PeerAddress self = PeerAddress.of(attacker.id(), attacker.address());
        int[] turn = {0};
        attacker.flood(victim.id, FrameChannel.DISCOVERY, () -> CODEC.encode(switch (turn[0]++ % 3) {
            case 0 -> new MembershipFrame.Shuffle(self, 1, junkPeers());
            case 1 -> new MembershipFrame.Introduce(junkPeers());
            default -> new MembershipFrame.ForwardJoin(junkPeer(), 0);
        }), 32, endNanos);
    }

    @Override
    public Map<String, Object> figures(Victim target) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("frames_sent", attacker.framesSent.get());
        figures.put("peers_before", peersBefore);
        figures.put("peers_after", target.stats().path("peers").asLong());
        return figures;
    }

    @Override
    public void close() {
        attacker.close();
    }
}
