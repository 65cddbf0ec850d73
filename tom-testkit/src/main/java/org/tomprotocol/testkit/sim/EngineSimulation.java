package org.tomprotocol.testkit.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * Runs real engines on the in-memory network and virtual time: builds a topology, sends messages between
 * random pairs, waits until every message is delivered or failed, and measures what happened. Deterministic
 * for a seed.
 *
 * <p>Topology: {@code max(2, nodes / 10)} hub nodes have a session with every node; every other pair of
 * nodes has a direct session with probability {@code 1 − relayFraction}, so roughly that fraction of
 * messages between ordinary nodes must be carried by a relay.
 */
public final class EngineSimulation {
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** Longest a message can take to end: three 30 s attempts plus reroute slack. */
    /**
     * Virtual time given to the messages still in flight once all are sent: they stay alive (and tried) for
     * 24 h, so under loss the slowest take several rounds; the run ends as soon as every one has ended.
     */
    private static final Duration DRAIN = Duration.ofHours(1);

    private EngineSimulation() {
    }

    /**
     * What to simulate.
     *
     * @param nodes             number of engines
     * @param messages          messages to send in total
     * @param relayFraction     probability that two ordinary nodes have no direct session
     * @param loss              probability that any frame is lost
     * @param seed              seed of every random choice
     * @param messagesPerSecond sending rate, in virtual time
     * @param latencyMillis     one-way latency of every link
     */
    public record Settings(int nodes, int messages, double relayFraction, double loss, long seed,
                           int messagesPerSecond, int latencyMillis) {
        public Settings {
            if (nodes < 2) {
                throw new IllegalArgumentException("--nodes must be at least 2, got " + nodes);
            }
            if (messages < 0) {
                throw new IllegalArgumentException("--messages must not be negative, got " + messages);
            }
            if (relayFraction < 0 || relayFraction > 1) {
                throw new IllegalArgumentException("--relay-fraction must be between 0 and 1, got " + relayFraction);
            }
            if (loss < 0 || loss >= 1) {
                throw new IllegalArgumentException("--loss must be at least 0 and below 1, got " + loss);
            }
            if (messagesPerSecond < 1) {
                throw new IllegalArgumentException("the sending rate must be at least 1 message/s");
            }
        }

        /** Defaults for what the command line does not set: 200 messages/s, 10 ms links. */
        public static Settings of(int nodes, int messages, double relayFraction, double loss, long seed) {
            return new Settings(nodes, messages, relayFraction, loss, seed, 200, 10);
        }
    }

    /**
     * What happened.
     *
     * @param sent              messages sent
     * @param delivered         messages whose final recipient acknowledged them
     * @param failed            messages that failed
     * @param duplicatesToApp   messages an application received more than once (must be 0)
     * @param relayedFraction   fraction of application deliveries that travelled through at least one relay
     * @param latencyP50Millis  median send-to-acknowledgement time of delivered messages, virtual
     * @param latencyP99Millis  99th percentile of the same
     * @param virtualMillis     virtual time the run took
     * @param wallMillis        real time the run took
     */
    public record Result(int sent, int delivered, int failed, int duplicatesToApp, double relayedFraction,
                         long latencyP50Millis, long latencyP99Millis, long virtualMillis, long wallMillis) {
    }

    public static Result run(Settings settings) {
        long wallStart = System.nanoTime();
        VirtualRuntime runtime = new VirtualRuntime();
        MemoryNetwork network = new MemoryNetwork(runtime, settings.seed()).defaultLink(LinkModel.builder()
                .latencyMillis(settings.latencyMillis()).jitterMillis(settings.latencyMillis() / 2)
                .loss(settings.loss()).build());
        CryptoSuiteProvider crypto = SimNodes.crypto("tom sim");
        Random random = new Random(settings.seed());
        List<TomNode> nodes = new ArrayList<>();
        Map<NodeId, List<InboundMessage>> inboxes = new HashMap<>();
        try {
            for (int i = 0; i < settings.nodes(); i++) {
                TomNode node = SimNodes.builder(runtime, network, crypto, SimNodes.identitySeed(random), "mem:n" + i,
                        settings.seed() + i).start();
                List<InboundMessage> inbox = new ArrayList<>();
                node.onMessage(inbox::add);
                inboxes.put(node.id(), inbox);
                nodes.add(node);
            }
            connect(nodes, settings, random);
            runtime.runFor(SETTLE);
            List<OutboundMessage> sent = send(nodes, settings, random, runtime);
            runtime.runUntil(() -> sent.stream().allMatch(m -> m.status().isDelivered()
                    || m.status() == MessageStatus.FAILED), DRAIN);
            long virtual = runtime.nowMillis() - VirtualRuntime.DEFAULT_START.toEpochMilli();
            return summarize(sent, inboxes, virtual, (System.nanoTime() - wallStart) / 1_000_000);
        } finally {
            nodes.forEach(TomNode::close);
            runtime.runFor(Duration.ofSeconds(1));
        }
    }

    private static void connect(List<TomNode> nodes, Settings settings, Random random) {
        int hubs = Math.min(nodes.size(), Math.max(2, nodes.size() / 10));
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                if (i < hubs || random.nextDouble() >= settings.relayFraction()) {
                    nodes.get(j).addPeer(PeerAddress.of(nodes.get(i).id(), TransportAddress.parse("mem:n" + i)));
                }
            }
        }
    }

    private static List<OutboundMessage> send(List<TomNode> nodes, Settings settings, Random random,
                                              VirtualRuntime runtime) {
        List<OutboundMessage> sent = new ArrayList<>(settings.messages());
        Duration gap = Duration.ofNanos(1_000_000_000L / settings.messagesPerSecond());
        for (int m = 0; m < settings.messages(); m++) {
            TomNode from = nodes.get(random.nextInt(nodes.size()));
            TomNode to = nodes.get(random.nextInt(nodes.size() - 1));
            if (to == from) {
                to = nodes.get(nodes.size() - 1);
            }
            sent.add(from.send(to.id(), ("simulated message " + m).getBytes(StandardCharsets.UTF_8)));
            runtime.runFor(gap);
        }
        return sent;
    }

    private static Result summarize(List<OutboundMessage> sent, Map<NodeId, List<InboundMessage>> inboxes,
                                    long virtualMillis, long wallMillis) {
        int delivered = 0;
        int failed = 0;
        List<Long> latencies = new ArrayList<>();
        for (OutboundMessage message : sent) {
            if (message.status().isDelivered()) {
                delivered++;
                message.delivered().thenAccept(receipt -> latencies.add(receipt.latency().toMillis()));
            } else if (message.status() == MessageStatus.FAILED) {
                failed++;
            }
        }
        int duplicates = 0;
        int received = 0;
        int relayed = 0;
        for (List<InboundMessage> inbox : inboxes.values()) {
            Set<MessageId> seen = new HashSet<>();
            for (InboundMessage message : inbox) {
                received++;
                if (!seen.add(message.id())) {
                    duplicates++;
                }
                if (message.relayHops() > 0) {
                    relayed++;
                }
            }
        }
        latencies.sort(null);
        return new Result(sent.size(), delivered, failed, duplicates, received == 0 ? 0 : (double) relayed / received,
                percentile(latencies, 0.50), percentile(latencies, 0.99), virtualMillis, wallMillis);
    }

    /** The {@code quantile} of {@code sorted} (nearest rank), 0 if it is empty. */
    static long percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
