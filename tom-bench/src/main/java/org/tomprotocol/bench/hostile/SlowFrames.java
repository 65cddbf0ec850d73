package org.tomprotocol.bench.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.transport.quic.HostileQuic;
import org.tomprotocol.testkit.FrameListeners;

/**
 * Attack 4 (slowloris): eight peers each open 250 streams announcing 256 KiB frames, send 16 KiB of each and then
 * one byte a second. The figures: streams the victim reset (budget or deadline), and its retained heap.
 */
final class SlowFrames implements Attack {
    private static final int PEERS = 8;
    private static final int STREAMS = 250;
    private static final int ANNOUNCED = 256 * 1024;
    private static final int SENT = 16 * 1024;

    private final List<Attacker> attackers = new ArrayList<>();
    private final List<HostileQuic.SlowFrames> streams = new ArrayList<>();
    private Victim victim;

    @Override
    public String name() {
        return "slow-frames";
    }

    @Override
    public void prepare(Victim target, HonestTraffic honest) throws Exception {
        victim = target;
        for (int i = 0; i < PEERS; i++) {
            Attacker attacker = new Attacker(FrameListeners.ignoring());
            attacker.connect(victim.id, victim.address);
            attackers.add(attacker);
        }
    }

    @Override
    public void run(long endNanos) throws Exception {
        for (Attacker attacker : attackers) {
            streams.add(HostileQuic.slowFrames(attacker.transport, victim.id, STREAMS, ANNOUNCED, SENT));
        }
        while (System.nanoTime() < endNanos) {
            streams.forEach(peer -> peer.trickle(1));
            Thread.sleep(1_000);
        }
    }

    @Override
    public Map<String, Object> figures(Victim target) throws Exception {
        var counters = target.stats().path("counters");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("streams_opened", PEERS * STREAMS);
        figures.put("bytes_announced", (long) PEERS * STREAMS * ANNOUNCED);
        figures.put("streams_reset", streams.stream().mapToInt(HostileQuic.SlowFrames::resets).sum());
        figures.put("reset_for_budget", counters.path("shed.frame-budget-connection").asLong(0)
                + counters.path("shed.frame-budget-transport").asLong(0));
        figures.put("reset_for_deadline", counters.path("shed.frame-deadline").asLong(0));
        return figures;
    }

    @Override
    public void close() {
        attackers.forEach(Attacker::close);
    }
}
