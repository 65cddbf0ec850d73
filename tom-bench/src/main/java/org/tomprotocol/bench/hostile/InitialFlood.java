package org.tomprotocol.bench.hostile;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.transport.quic.HostileQuic;

/**
 * Attack 7: real client Initials, each with a fresh connection id, from eight sockets that never answer — what
 * a flood from spoofed addresses looks like — at about 2,000 a second. The figures: what the victim refused.
 */
final class InitialFlood implements Attack {
    private static final int SOCKETS = 8;
    private static final int INITIALS = 4_000;

    private final List<DatagramSocket> sockets = new ArrayList<>();
    private List<byte[]> initials;
    private InetSocketAddress target;
    private long sent;
    private long bytes;

    @Override
    public String name() {
        return "initial-flood";
    }

    @Override
    public void prepare(Victim victim, HonestTraffic honest) throws Exception {
        initials = HostileQuic.genuineInitials(INITIALS);
        String[] hostPort = victim.address.address().split(":");
        target = new InetSocketAddress(InetAddress.getByName(hostPort[0]), Integer.parseInt(hostPort[1]));
        for (int i = 0; i < SOCKETS; i++) {
            sockets.add(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
        }
    }

    @Override
    public void run(long endNanos) throws Exception {
        int next = 0;
        while (System.nanoTime() < endNanos && next < initials.size()) {
            for (int burst = 0; burst < 20 && next < initials.size(); burst++, next++) {
                byte[] initial = initials.get(next);
                sockets.get(next % SOCKETS).send(new DatagramPacket(initial, initial.length, target));
                sent++;
                bytes += initial.length;
            }
            Thread.sleep(10);
        }
    }

    @Override
    public Map<String, Object> figures(Victim victim) throws Exception {
        var counters = victim.stats().path("counters");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("initials_sent", sent);
        figures.put("bytes_sent", bytes);
        figures.put("refused_half_open_cap", counters.path("shed.handshake-capacity").asLong(0));
        figures.put("handshakes_timed_out", counters.path("shed.handshake-timeout").asLong(0));
        figures.put("handshakes_failed", counters.path("rejected.handshake-failed").asLong(0));
        return figures;
    }

    @Override
    public void close() {
        sockets.forEach(DatagramSocket::close);
    }
}
