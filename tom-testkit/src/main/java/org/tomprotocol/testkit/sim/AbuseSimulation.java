package org.tomprotocol.testkit.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.SendRejectedException;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * Lock 5 in a network of real engines on the in-memory network and virtual time (issue 17, docs/roles.md): hubs
 * (a tenth of the nodes, at least 2) have a session with everyone, other pairs a direct one with probability
 * {@code 1 − relayFraction}; honest senders send at their rate to random honest nodes and spammers (the last nodes)
 * at theirs to random targets among the first honest nodes, over one window. It runs twice on the same seed — the spammers silent, then
 * sending — so the honest traffic, the topology and the links are the same, and compares the honest latencies; it
 * counts what the spammers got through each second. Minting a stamp costs each node virtual time at its hash rate
 * ({@link VirtualRuntime#proofOfWork}): a spammer that pays is slowed by its own minting as a real one would be. What
 * the simulation does not model is the CPU of verifying and relaying, which takes no virtual time: a flood slows
 * honest traffic here only through the prices themselves (lock 5's fairness), not through queues (measured between
 * real processes by {@code tom stress flood}). Deterministic for a seed.
 */
public final class AbuseSimulation {
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** Time given to the honest messages still in flight after the window: they all end long before. */
    private static final Duration DRAIN = Duration.ofMinutes(2);
    private static final int SPAM_QUEUE_CAPACITY = 100_000;

    private final AbuseSettings settings;
    private final boolean flood;
    private final VirtualRuntime runtime;
    private final List<TomNode> nodes = new ArrayList<>();
    private final Set<NodeId> spammerIds = new HashSet<>();
    private final List<OutboundMessage> honest = new ArrayList<>();
    private final Map<NodeId, Set<MessageId>> received = new HashMap<>();
    private int duplicates;
    private long windowStart;
    private long spamHanded;
    private long spamRefused;
    private int[] spamPerSecond;

    private record Run(AbuseResult.Phase phase, long spamHanded, long spamRefused, int[] spamPerSecond,
                       Map<String, Long> counters, long hashesMinted) {
        /** A counter summed over every node, 0 if none moved it. */
        long counted(String key) {
            return counters.getOrDefault(key, 0L);
        }
    }

    private record Send(long at, int from, int to, boolean spam) {
    }

    private AbuseSimulation(AbuseSettings settings, boolean flood) {
        this.settings = settings;
        this.flood = flood;
        this.runtime = new VirtualRuntime().hashesPerSecond(settings.hashesPerSecond());
    }

    /** Runs the honest traffic alone, then with the spammers, on the same seed. */
    public static AbuseResult run(AbuseSettings settings) {
        long wallStart = System.nanoTime();
        Run alone = new AbuseSimulation(settings, false).simulate();
        Run flooded = new AbuseSimulation(settings, true).simulate();
        long checks = flooded.counted("stamps-checked");
        List<Integer> perSecond = new ArrayList<>();
        for (int count : flooded.spamPerSecond()) {
            perSecond.add(count);
        }
        long delivered = perSecond.stream().mapToLong(Integer::longValue).sum();
        return new AbuseResult(alone.phase(), flooded.phase(), flooded.spamHanded(), flooded.spamRefused(), delivered,
                perSecond, flooded.counted("stamps-minted"), flooded.hashesMinted(), checks,
                checks * nanosPerHash() / 1e6, flooded.counted("prices-told"),
                flooded.counted("rejected.unpaid-stamp"), flooded.counted("priced-delayed"),
                (System.nanoTime() - wallStart) / 1_000_000);
    }

    private Run simulate() {
        MemoryNetwork network = new MemoryNetwork(runtime, settings.seed())
                .defaultLink(LinkModel.builder().latencyMillis(10).jitterMillis(5).build());
        CryptoSuiteProvider crypto = SimNodes.crypto("tom sim abuse");
        Random random = new Random(settings.seed());
        try {
            for (int i = 0; i < settings.nodes(); i++) {
                start(i, network, crypto, random);
            }
            connect(random);
            runtime.runFor(SETTLE);
            warmUp();
            windowStart = runtime.nowMillis();
            spamPerSecond = new int[settings.seconds()];
            for (Send send : schedule(random)) {
                runtime.runUntil(Instant.ofEpochMilli(send.at()));
                send(send);
            }
            runtime.runUntil(Instant.ofEpochMilli(windowStart + settings.seconds() * 1_000L));
            runtime.runUntil(() -> honest.stream().allMatch(m -> m.status().isDelivered()
                    || m.status() == MessageStatus.FAILED), DRAIN);
            Map<String, Long> counters = new HashMap<>();
            for (TomNode node : nodes) {
                node.metrics().byKey().forEach((key, value) -> counters.merge(key, value, Long::sum));
            }
            return new Run(phase(), spamHanded, spamRefused, spamPerSecond, Collections.unmodifiableMap(counters),
                    runtime.hashesMinted());
        } finally {
            nodes.forEach(TomNode::close);
            runtime.runFor(Duration.ofSeconds(1));
        }
    }

    /**
     * Each honest node sends one message to each other before the window, unmeasured: a sender's first message to a
     * node it has no session with waits while it finds a path (seconds, at times), a start-up cost that would
     * otherwise be most of the honest p99 of both runs, and differ between them by chance.
     */
    private void warmUp() {
        List<OutboundMessage> firsts = new ArrayList<>();
        int first = settings.hubs();
        for (int from = first; from < first + settings.honestSenders(); from++) {
            for (int to = first; to < first + settings.honestSenders(); to++) {
                if (to != from) {
                    firsts.add(nodes.get(from).send(nodes.get(to).id(), "warm-up".getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        runtime.runUntil(() -> firsts.stream().allMatch(m -> m.status().isDelivered()
                || m.status() == MessageStatus.FAILED), DRAIN);
        runtime.runFor(SETTLE);
    }

    private void start(int index, MemoryNetwork network, CryptoSuiteProvider crypto, Random random) {
        boolean spammer = index >= settings.nodes() - settings.spammers();
        TomNode node = SimNodes.builder(runtime, network, crypto, SimNodes.identitySeed(random), "mem:n" + index,
                        settings.seed() + index)
                // a spammer queues all it is handed: what it gets through is up to the network, not its own queue
                .sendQueueCapacity(spammer ? SPAM_QUEUE_CAPACITY : 1_024).start();
        Set<MessageId> seen = new HashSet<>();
        received.put(node.id(), seen);
        node.onMessage(message -> {
            if (!seen.add(message.id())) {
                duplicates++;
            } else if (spammerIds.contains(message.sender())) {
                long second = (runtime.nowMillis() - windowStart) / 1_000;
                if (second >= 0 && second < spamPerSecond.length) {
                    spamPerSecond[(int) second]++;
                }
            }
        });
        if (spammer) {
            spammerIds.add(node.id());
        }
        nodes.add(node);
    }

    private void connect(Random random) {
        int hubs = settings.hubs();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                if (i < hubs || random.nextDouble() >= settings.relayFraction()) {
                    nodes.get(j).addPeer(PeerAddress.of(nodes.get(i).id(), TransportAddress.parse("mem:n" + i)));
                }
            }
        }
    }

    /**
     * Every send of the window, in time order. The honest ones come from their own random stream, so that both runs
     * send exactly the same honest traffic; the spam (a steady rate from a random phase) only in the flooded run.
     */
    private List<Send> schedule(Random random) {
        Random honestChoices = new Random(random.nextLong());
        Random spamChoices = new Random(random.nextLong());
        int firstHonest = settings.hubs();
        int honestSenders = settings.honestSenders();
        long windowMillis = settings.seconds() * 1_000L;
        List<Send> sends = new ArrayList<>();
        for (int sender = firstHonest; sender < firstHonest + honestSenders; sender++) {
            addSteady(sends, sender, settings.honestRate(), windowMillis, honestChoices, firstHonest, honestSenders,
                    false);
        }
        if (flood) {
            for (int sender = settings.nodes() - settings.spammers(); sender < settings.nodes(); sender++) {
                addSteady(sends, sender, settings.spamRate(), windowMillis, spamChoices, firstHonest,
                        settings.targets(), true);
            }
        }
        sends.sort((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Integer.compare(a.from(), b.from()));
        return sends;
    }

    /** Sends at {@code rate} from {@code sender} to random nodes among the {@code count} from {@code first}. */
    private void addSteady(List<Send> sends, int sender, double rate, long windowMillis, Random choices, int first,
                           int count, boolean spam) {
        double gapMillis = 1_000 / rate;
        for (double at = choices.nextDouble() * gapMillis; at < windowMillis; at += gapMillis) {
            int to = first + choices.nextInt(count);
            if (to == sender) {
                to = first + (to - first + 1) % count;
            }
            sends.add(new Send(windowStart + (long) at, sender, to, spam));
        }
    }

    private void send(Send send) {
        TomNode from = nodes.get(send.from());
        byte[] payload = ((send.spam() ? "spam " : "honest ") + send.at()).getBytes(StandardCharsets.UTF_8);
        try {
            OutboundMessage message = from.send(nodes.get(send.to()).id(), payload);
            if (send.spam()) {
                spamHanded++;
            } else {
                honest.add(message);
            }
        } catch (SendRejectedException e) {
            if (!send.spam()) {
                throw new IllegalStateException("an honest node refused its own message: " + e.getMessage(), e);
            }
            spamHanded++;
            spamRefused++;
        }
    }

    private AbuseResult.Phase phase() {
        int delivered = 0;
        int failed = 0;
        List<Long> latencies = new ArrayList<>();
        for (OutboundMessage message : honest) {
            if (message.status().isDelivered()) {
                delivered++;
                message.delivered().thenAccept(receipt -> latencies.add(receipt.latency().toMillis()));
            } else if (message.status() == MessageStatus.FAILED) {
                failed++;
            }
        }
        latencies.sort(null);
        return new AbuseResult.Phase(honest.size(), delivered, failed, duplicates,
                EngineSimulation.percentile(latencies, 0.50), EngineSimulation.percentile(latencies, 0.99));
    }

    /** What one SHA-256 over a stamp's subject (about a hundred bytes) costs on this machine, measured now. */
    private static double nanosPerHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] subject = new byte[120];
            int rounds = 20_000;
            for (int i = 0; i < rounds; i++) {
                digest.digest(subject);
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                subject[0] = digest.digest(subject)[0];
            }
            return (double) (System.nanoTime() - start) / rounds;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
