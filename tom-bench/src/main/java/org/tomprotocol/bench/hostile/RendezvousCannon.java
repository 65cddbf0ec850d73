package org.tomprotocol.bench.hostile;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.RendezvousPayload;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.FrameListeners;

/**
 * Attack 5: a neighbour introduces made-up peers "at" addresses it chose — a UDP sink standing in for a third
 * party — every 20 ms. The figure: bytes the victim sent the sink against bytes the attacker sent the victim.
 */
final class RendezvousCannon implements Attack {
    private static final long INTERVAL_MS = 20;

    private final AtomicLong sinkDatagrams = new AtomicLong();
    private final AtomicLong sinkBytes = new AtomicLong();
    private Attacker attacker;
    private Victim victim;
    private DatagramSocket sink;
    private Thread sinkReader;

    @Override
    public String name() {
        return "rendezvous-cannon";
    }

    @Override
    public void prepare(Victim target, HonestTraffic honest) throws Exception {
        victim = target;
        attacker = new Attacker(FrameListeners.ignoring());
        attacker.connect(victim.id, victim.address);
        sink = new DatagramSocket(new InetSocketAddress("0.0.0.0", 0));
        sinkReader = Thread.ofPlatform().daemon().name("sink").start(this::countDatagrams);
    }

    private void countDatagrams() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!sink.isClosed()) {
            try {
                sink.receive(packet);
                sinkDatagrams.incrementAndGet();
                sinkBytes.addAndGet(packet.getLength());
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    @Override
    public void run(long endNanos) throws Exception {
        List<TransportAddress> targets = new ArrayList<>();
        for (int host = 1; host <= RendezvousPayload.MAX_CANDIDATES; host++) {
            targets.add(TransportAddress.parse("quic:127.0.0." + host + ":" + sink.getLocalPort()));
        }
        while (System.nanoTime() < endNanos) {
            byte[] payload = new RendezvousPayload(Attacker.SUITE.generateIdentity().id(), targets).encode();
            attacker.send(victim.id, FrameChannel.ENVELOPE, attacker.sign(Envelope.unsigned(MessageId.random(),
                    attacker.id(), victim.id, List.of(), MessageType.Rendezvous, payload,
                    System.currentTimeMillis(), false)));
            Thread.sleep(INTERVAL_MS);
        }
        Thread.sleep(3_000); // probes still under way
    }

    @Override
    public Map<String, Object> figures(Victim target) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("introductions_sent", attacker.framesSent.get());
        figures.put("attacker_bytes", attacker.bytesSent.get());
        figures.put("bytes_to_third_party", sinkBytes.get());
        figures.put("datagrams_to_third_party", sinkDatagrams.get());
        figures.put("amplification", Math.round(100.0 * sinkBytes.get() / attacker.bytesSent.get()) / 100.0);
        figures.put("introductions_acted_on", target.counter("introductions-received"));
        return figures;
    }

    @Override
    public void close() {
        attacker.close();
        sink.close();
        try {
            sinkReader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
