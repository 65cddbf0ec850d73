package org.tomprotocol.testkit.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * Relay selection by score among real engines on virtual time (issue 17, docs/roles.md): senders and recipients that
 * cannot reach each other (a partition between them) and relays that reach everyone. Senders send at a steady rate to
 * random recipients; from {@code dropFrom} to {@code dropUntil} the first relay stops contributing — it acknowledges
 * what it is handed and drops it, as a hostile relay would. Counts, window by window, the messages each relay passed
 * on to a recipient, and what was delivered. Deterministic for a seed.
 */
public final class RelayChoiceSimulation {
    /** Time for the senders to hear of the recipients through the relays' announcements (every 10 s). */
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration DRAIN = Duration.ofMinutes(5);
    /** Chats carry this much payload, so that a relay's chat frames are told from its small control frames. */
    private static final int PAYLOAD_BYTES = 1_024;
    private static final int CHAT_FRAME_BYTES = 900;

    private RelayChoiceSimulation() {
    }

    /**
     * What to simulate.
     *
     * @param relays            relays (2 to 10); the first one drops for a while
     * @param senders           sending nodes
     * @param recipients        receiving nodes
     * @param messagesPerSecond all senders together
     * @param seconds           length of the run
     * @param dropFrom          second from which the first relay drops what it carries
     * @param dropUntil         second from which it carries again
     * @param windowSeconds     length of a reporting window
     * @param seed              seed of every random choice
     */
    public record Settings(int relays, int senders, int recipients, int messagesPerSecond, int seconds, int dropFrom,
                           int dropUntil, int windowSeconds, long seed) {
        public Settings {
            if (relays < 2 || relays > 10) {
                throw new IllegalArgumentException("--relays must be between 2 and 10, got " + relays);
            }
            if (senders < 1 || recipients < 1) {
                throw new IllegalArgumentException("--senders and --recipients must each be at least 1");
            }
            if (messagesPerSecond < 1 || messagesPerSecond > 1_000) {
                throw new IllegalArgumentException("--rate must be between 1 and 1000, got " + messagesPerSecond);
            }
            if (seconds < 1 || windowSeconds < 1 || windowSeconds > seconds) {
                throw new IllegalArgumentException("--seconds must be at least 1 and --window between 1 and --seconds");
            }
            if (dropFrom < 0 || dropUntil < dropFrom || dropUntil > seconds) {
                throw new IllegalArgumentException("--drop-from and --drop-until must satisfy 0 <= from <= until <= "
                        + "--seconds, got " + dropFrom + " and " + dropUntil);
            }
        }
    }

    /**
     * What happened.
     *
     * @param carriedPerWindow for each relay, the chats it passed on to a recipient in each window (dropped ones
     *                         included: what it was trusted with)
     * @param sent             messages sent
     * @param delivered        of those, acknowledged by their recipients
     * @param failed           of those, failed
     */
    public record Result(List<List<Integer>> carriedPerWindow, int sent, int delivered, int failed) {
        public Result {
            carriedPerWindow = carriedPerWindow.stream().map(List::copyOf).toList();
        }
    }

    public static Result run(Settings settings) {
        VirtualRuntime runtime = new VirtualRuntime();
        MemoryNetwork network = new MemoryNetwork(runtime, settings.seed())
                .defaultLink(LinkModel.builder().latencyMillis(10).jitterMillis(5).build());
        CryptoSuiteProvider crypto = SimNodes.crypto("tom sim relays");
        Random random = new Random(settings.seed());
        List<TomNode> relays = new ArrayList<>();
        List<TomNode> senders = new ArrayList<>();
        List<TomNode> recipients = new ArrayList<>();
        try {
            int index = 0;
            for (int i = 0; i < settings.relays(); i++) {
                relays.add(start(runtime, network, crypto, random, index++, settings.seed()));
            }
            for (int i = 0; i < settings.senders(); i++) {
                senders.add(start(runtime, network, crypto, random, index++, settings.seed()));
            }
            for (int i = 0; i < settings.recipients(); i++) {
                recipients.add(start(runtime, network, crypto, random, index++, settings.seed()));
            }
            network.partition(ids(senders), ids(recipients));
            for (TomNode relay : relays) {
                PeerAddress address = PeerAddress.of(relay.id(), relay.addresses().get(0));
                senders.forEach(sender -> sender.addPeer(address));
                recipients.forEach(recipient -> recipient.addPeer(address));
            }
            runtime.runFor(SETTLE);
            return simulate(settings, runtime, network, relays, senders, recipients, random);
        } finally {
            relays.forEach(TomNode::close);
            senders.forEach(TomNode::close);
            recipients.forEach(TomNode::close);
            runtime.runFor(Duration.ofSeconds(1));
        }
    }

    private static Result simulate(Settings settings, VirtualRuntime runtime, MemoryNetwork network,
                                   List<TomNode> relays, List<TomNode> senders, List<TomNode> recipients,
                                   Random random) {
        long start = runtime.nowMillis();
        int windows = (settings.seconds() + settings.windowSeconds() - 1) / settings.windowSeconds();
        Map<NodeId, int[]> carried = new HashMap<>();
        relays.forEach(relay -> carried.put(relay.id(), new int[windows]));
        Set<NodeId> recipientIds = ids(recipients);
        NodeId dropper = relays.get(0).id();
        long dropFrom = start + settings.dropFrom() * 1_000L;
        long dropUntil = start + settings.dropUntil() * 1_000L;
        network.dropFrames((from, to, channel, frame) -> from.equals(dropper) && recipientIds.contains(to)
                && (channel == FrameChannel.ENVELOPE || channel == FrameChannel.STAMPED_ENVELOPE)
                && frame.length > CHAT_FRAME_BYTES
                && runtime.nowMillis() >= dropFrom && runtime.nowMillis() < dropUntil);
        network.addObserver(event -> {
            int[] counts = carried.get(event.from());
            int window = (int) ((event.atMillis() - start) / 1_000 / settings.windowSeconds());
            if (counts != null && recipientIds.contains(event.to()) && event.bytes() > CHAT_FRAME_BYTES
                    && window >= 0 && window < windows) {
                counts[window]++;
            }
        });
        List<OutboundMessage> sent = new ArrayList<>();
        long gapMicros = 1_000_000L / settings.messagesPerSecond();
        long total = (long) settings.seconds() * settings.messagesPerSecond();
        for (long m = 0; m < total; m++) {
            TomNode from = senders.get(random.nextInt(senders.size()));
            TomNode to = recipients.get(random.nextInt(recipients.size()));
            byte[] payload = new byte[PAYLOAD_BYTES];
            random.nextBytes(payload);
            sent.add(from.send(to.id(), payload));
            long next = start + (m + 1) * gapMicros / 1_000;
            runtime.runUntil(java.time.Instant.ofEpochMilli(Math.max(next, runtime.nowMillis())));
        }
        runtime.runUntil(() -> sent.stream().allMatch(m -> m.status().isDelivered()
                || m.status() == MessageStatus.FAILED), DRAIN);
        List<List<Integer>> perRelay = new ArrayList<>();
        for (TomNode relay : relays) {
            List<Integer> counts = new ArrayList<>();
            for (int count : carried.get(relay.id())) {
                counts.add(count);
            }
            perRelay.add(counts);
        }
        int delivered = (int) sent.stream().filter(m -> m.status().isDelivered()).count();
        int failed = (int) sent.stream().filter(m -> m.status() == MessageStatus.FAILED).count();
        return new Result(perRelay, sent.size(), delivered, failed);
    }

    private static TomNode start(VirtualRuntime runtime, MemoryNetwork network, CryptoSuiteProvider crypto,
                                 Random random, int index, long seed) {
        return SimNodes.builder(runtime, network, crypto, SimNodes.identitySeed(random), "mem:r" + index, seed + index)
                .option("tom.admission-budget", "1000000").start();
    }

    private static Set<NodeId> ids(List<TomNode> nodes) {
        Set<NodeId> ids = new HashSet<>();
        nodes.forEach(node -> ids.add(node.id()));
        return ids;
    }
}
