package org.tomprotocol.cli.stress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.SendOptions;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.cli.node.EventLines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tom stress flood}: lock 5 against a relay on loopback (docs/roles.md). Four nodes in this process over
 * QUIC — a relay, a recipient behind it, an honest sender that has carried messages for both (standing) and a
 * flooder that has done nothing for anyone. First the honest sender alone, at its rate,
 * through the relay; then the same again while the flooder sends {@code --flood-factor} times that rate. Reports the
 * honest round trips of both phases (their ratio is the cost of the flood to honest traffic) and, second by second,
 * what the flooder got delivered: slowed, never cut off.
 */
@Command(name = "flood", mixinStandardHelpOptions = true,
        description = "Runs a relay, a recipient, an honest sender and a flooder in this process over QUIC on "
                + "loopback: the honest sender alone, then again while the flooder sends --flood-factor times its "
                + "rate through the same relay. Reports the honest round trips of both phases and the flooder's "
                + "delivered rate second by second.")
public final class FloodMode implements Callable<Integer> {
    static final int STANDING_MESSAGES = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--honest-rate", defaultValue = "5", description = "Honest messages a second (default ${DEFAULT-VALUE}).")
    private int honestRate;

    @Option(names = "--flood-factor", defaultValue = "100",
            description = "The flooder's rate, as a multiple of the honest rate (default ${DEFAULT-VALUE}).")
    private int floodFactor;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each phase (default ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--flooder-stamp-bits", defaultValue = "20", paramLabel = "BITS",
            description = "The hardest stamp the flooder mints, its option tom.max-stamp-bits (default "
                    + "${DEFAULT-VALUE}). Minting takes this machine's CPU here, where a real flooder's is its own.")
    private int flooderStampBits;

    @Option(names = "--flooder-cpu", paramLabel = "CPU",
            description = "Run the flooder in a process of its own pinned to this CPU, and this one on the others "
                    + "(Linux, taskset): its signing and minting then take its own CPU, as a real flooder's do.")
    private Integer flooderCpu;

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        if (honestRate < 1 || floodFactor < 1 || seconds < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--honest-rate, --flood-factor and --seconds must each be at least 1");
        }
        if (flooderCpu != null && FlooderProcess.unusable(flooderCpu) != null) {
            throw new ParameterException(spec.commandLine(), FlooderProcess.unusable(flooderCpu));
        }
        EventLines lines = new EventLines(spec.commandLine().getOut(), true);
        List<TomNode> nodes = new ArrayList<>();
        FlooderProcess separate = null;
        try {
            TomNode relay = start(nodes, Map.of());
            TomNode recipient = start(nodes, Map.of());
            TomNode honest = start(nodes, Map.of());
            TomNode flooder = flooderCpu != null ? null
                    : start(nodes, Map.of("tom.max-stamp-bits", String.valueOf(flooderStampBits)));
            for (TomNode node : flooder == null ? List.of(recipient, honest) : List.of(recipient, honest, flooder)) {
                node.addPeer(PeerAddress.of(relay.id(), loopback(relay)));
            }
            honest.addPeer(PeerAddress.of(recipient.id(), loopback(recipient)));
            SendOptions viaRelay = SendOptions.viaRelays(relay.id());
            earnStanding(honest, relay, recipient);
            for (TomNode sender : flooder == null ? List.of(honest) : List.of(honest, flooder)) {
                if (!StressNode.await(sender.send(recipient.id(), new byte[1], viaRelay), System.nanoTime(),
                        Duration.ofSeconds(20)).delivered()) {
                    throw new IllegalStateException("the relay did not carry a first message within 20 s");
                }
            }
            if (flooderCpu != null) {
                separate = FlooderProcess.start(flooderCpu, loopback(relay), relay.id(), recipient.id(),
                        honestRate * floodFactor, seconds, flooderStampBits);
            }

            StressNode.Tally alone = honestPhase(honest, recipient, viaRelay, null);
            Flood flood = flooder == null ? null : new Flood(flooder, recipient.id(), viaRelay);
            if (separate != null) {
                separate.go();
            }
            StressNode.Tally flooded = honestPhase(honest, recipient, viaRelay, flood);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("honest_rate", honestRate);
            result.put("flood_rate", honestRate * floodFactor);
            result.put("seconds", seconds);
            result.put("flooder_cpu", flooderCpu == null ? "shared" : flooderCpu);
            result.put("honest_alone", stats(alone));
            result.put("honest_under_flood", stats(flooded));
            result.put("honest_p99_ratio", alone.delivered() == 0 || flooded.delivered() == 0 ? null
                    : Math.round(100.0 * p99(flooded) / p99(alone)) / 100.0);
            if (separate != null) {
                Map<String, Object> fromFlooder = new LinkedHashMap<>(separate.result());
                fromFlooder.remove("event");
                fromFlooder.remove("at");
                result.putAll(fromFlooder);
            } else {
                result.putAll(flood.report());
            }
            result.put("honest_prices_received", honest.metrics().get("prices-received"));
            result.put("honest_stamps_minted", honest.metrics().get("stamps-minted"));
            result.put("recipient_unpaid_refused", recipient.metrics().get("rejected.unpaid-stamp"));
            result.put("relay_unpaid_refused", relay.metrics().get("rejected.unpaid-stamp"));
            result.put("relay_prices_told", relay.metrics().get("prices-told"));
            lines.emit("flood_result", result);
            int failed = flooded.failed() + alone.failed();
            lines.emit("summary", Map.of("mode", "flood", "honest_failed", failed));
            return failed == 0 ? 0 : 1;
        } finally {
            if (separate != null) {
                separate.close();
            }
            nodes.forEach(TomNode::close);
        }
    }

    /**
     * The honest sender first carries {@value #STANDING_MESSAGES} messages each way between the relay and the
     * recipient, which both verify by their recipients' acknowledgements: it has standing with both (lock 4), a
     * budget of its own. The flooder, a stranger, has none.
     */
    private static void earnStanding(TomNode honest, TomNode relay, TomNode recipient) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        // each end must see its session to the honest sender too, or its first messages wait for a route
        while (honest.peers().stream().filter(peer -> peer.directSession()).count() < 2
                || !hasSessionTo(relay, honest) || !hasSessionTo(recipient, honest)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the honest sender, relay and recipient were not all connected"
                        + " within 20 s");
            }
            Thread.sleep(20);
        }
        List<OutboundMessage> carried = new ArrayList<>();
        for (int i = 0; i < STANDING_MESSAGES; i++) {
            carried.add(relay.send(recipient.id(), new byte[1], SendOptions.viaRelays(honest.id())));
            carried.add(recipient.send(relay.id(), new byte[1], SendOptions.viaRelays(honest.id())));
        }
        for (OutboundMessage message : carried) {
            // a transmission lost while the sessions settle is sent again after its acknowledgement is overdue
            if (!StressNode.await(message, System.nanoTime(), Duration.ofSeconds(60)).delivered()) {
                throw new IllegalStateException("the honest sender did not carry the relay's messages within 60 s ("
                        + message.status() + ")");
            }
        }
    }

    private static boolean hasSessionTo(TomNode node, TomNode peer) {
        return node.peers().stream().anyMatch(info -> info.id().equals(peer.id()) && info.directSession());
    }

    /** A QUIC node on loopback with {@code options}, added to {@code nodes} (closed at the end). */
    private static TomNode start(List<TomNode> nodes, Map<String, String> options) {
        org.tomprotocol.api.NodeBuilder builder = Tom.node().transports("quic").listen("127.0.0.1:0");
        options.forEach(builder::option);
        TomNode node = builder.start();
        nodes.add(node);
        return node;
    }

    private static TransportAddress loopback(TomNode node) {
        return node.addresses().stream().filter(address -> address.address().startsWith("127.0.0.1:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the relay listens on no loopback address"));
    }

    /**
     * The honest sender at its rate for {@code seconds}, and meanwhile, if given, the flood at its rate too; the honest
     * round trips.
     */
    private StressNode.Tally honestPhase(TomNode honest, TomNode recipient, SendOptions via, Flood flood)
            throws InterruptedException {
        List<OutboundMessage> sent = new ArrayList<>();
        List<Long> sentAt = new ArrayList<>();
        int floodRate = honestRate * floodFactor;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long nextHonest = start;
        long nextFlood = start;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now >= nextHonest) {
                sentAt.add(now);
                sent.add(honest.send(recipient.id(), "honest".getBytes(StandardCharsets.UTF_8), via));
                nextHonest += TimeUnit.SECONDS.toNanos(1) / honestRate;
            }
            while (flood != null && now >= nextFlood) {
                flood.send();
                nextFlood += TimeUnit.SECONDS.toNanos(1) / floodRate;
            }
            LockSupport.parkNanos(Math.max(0, Math.min(nextHonest, flood == null ? nextHonest : nextFlood)
                    - System.nanoTime()));
        }
        StressNode.Tally tally = new StressNode.Tally();
        for (int i = 0; i < sent.size(); i++) {
            // waited for in turn after the phase: the round trip is the message's own, from its timeline
            StressNode.Outcome outcome = StressNode.await(sent.get(i), sentAt.get(i), Duration.ofSeconds(30));
            tally.add(outcome.delivered() ? new StressNode.Outcome(true, roundTripMicros(sent.get(i)),
                    outcome.relays(), null) : outcome);
        }
        return tally;
    }

    /** From the send to the recipient's acknowledgement, as the message's timeline recorded them. */
    private static long roundTripMicros(OutboundMessage message) {
        java.time.Instant sent = message.timeline().get(0).at();
        java.time.Instant delivered = message.timeline().stream()
                .filter(change -> change.current() == MessageStatus.DELIVERED).findFirst().orElseThrow().at();
        return java.time.Duration.between(sent, delivered).toNanos() / 1_000;
    }

    private static Map<String, Object> stats(StressNode.Tally tally) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("delivered", tally.delivered());
        stats.put("failed", tally.failed());
        stats.putAll(tally.rttStats());
        return stats;
    }

    private static double p99(StressNode.Tally tally) {
        return (double) tally.rttStats().get("rtt_p99_ms");
    }
}
