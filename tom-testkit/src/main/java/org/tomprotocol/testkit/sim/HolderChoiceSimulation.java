package org.tomprotocol.testkit.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
 * Backup-holder selection by verified holding work among real engines on virtual time (issue 17, docs/roles.md).
 * Senders write to recipients that are away; every message is backed up on the holders its sender ranks best. The
 * first {@code forgetful} holders confirm each copy and then lose it (their node restarts, without a store, before the
 * recipients come back), as an unreliable holder would; the others keep theirs, deliver them, and bring the senders
 * the recipients' proofs. Run in cycles: recipients leave, messages are sent, forgetful holders restart, recipients
 * return. Counts, cycle by cycle, the copies the senders placed with each kind of holder (holders that replace a
 * fellow's copy choose by their own view, which has no evidence of each other's holding). Deterministic for a seed.
 */
public final class HolderChoiceSimulation {
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Long enough for the senders to see the recipients offline (45 s of silence) before they write. */
    private static final Duration AWAY_BEFORE_SENDING = Duration.ofSeconds(60);
    private static final Duration SENDING = Duration.ofSeconds(60);
    private static final Duration BEFORE_RETURN = Duration.ofSeconds(2);
    private static final Duration BACK = Duration.ofSeconds(100);
    /** Copies a holder kept that their senders placed with it (not replicas placed by other holders). */
    private static final String COPIES_HELD = "backup-copies-held.from-sender";

    private HolderChoiceSimulation() {
    }

    /**
     * What to simulate.
     *
     * @param holders    holders (6 to 20); the first {@code forgetful} lose what they confirmed
     * @param forgetful  forgetful holders (0 to holders − 5, so that five reliable ones can hold every message)
     * @param senders    senders
     * @param recipients recipients, away for part of each cycle
     * @param messages   messages sent in each cycle, all senders together
     * @param cycles     cycles run
     * @param seed       seed of every random choice
     */
    public record Settings(int holders, int forgetful, int senders, int recipients, int messages, int cycles,
                           long seed) {
        public Settings {
            if (holders < 6 || holders > 20) {
                throw new IllegalArgumentException("--holders must be between 6 and 20, got " + holders);
            }
            if (forgetful < 0 || forgetful > holders - 5) {
                throw new IllegalArgumentException("--forgetful must be between 0 and --holders minus 5, got "
                        + forgetful);
            }
            if (senders < 1 || recipients < 1) {
                throw new IllegalArgumentException("--senders and --recipients must each be at least 1");
            }
            if (messages < 1 || messages > 1_000) {
                throw new IllegalArgumentException("--messages must be between 1 and 1000, got " + messages);
            }
            if (cycles < 1 || cycles > 50) {
                throw new IllegalArgumentException("--cycles must be between 1 and 50, got " + cycles);
            }
        }
    }

    /**
     * What happened.
     *
     * @param copiesToForgetful for each cycle, the copies senders placed with the forgetful holders (confirmed)
     * @param copiesToReliable  for each cycle, the copies senders placed with the other holders (confirmed)
     * @param sent              messages sent
     * @param delivered         of those, acknowledged by their recipients
     */
    public record Result(List<Long> copiesToForgetful, List<Long> copiesToReliable, int sent, int delivered) {
        public Result {
            copiesToForgetful = List.copyOf(copiesToForgetful);
            copiesToReliable = List.copyOf(copiesToReliable);
        }
    }

    public static Result run(Settings settings) {
        VirtualRuntime runtime = new VirtualRuntime();
        MemoryNetwork network = new MemoryNetwork(runtime, settings.seed())
                .defaultLink(LinkModel.builder().latencyMillis(10).jitterMillis(5).build());
        Run run = new Run(settings, runtime, network, SimNodes.crypto("tom sim holders"));
        try {
            return run.simulate();
        } finally {
            run.close();
        }
    }

    /** One run: its nodes, restarted as the cycles go. */
    private static final class Run {
        private final Settings settings;
        private final VirtualRuntime runtime;
        private final MemoryNetwork network;
        private final CryptoSuiteProvider crypto;
        private final Random random;
        private final List<byte[]> identities = new ArrayList<>();
        private final List<TomNode> nodes = new ArrayList<>();
        private final List<NodeId> ids = new ArrayList<>();
        private final long[] copiesHeldBefore;
        private int starts;

        Run(Settings settings, VirtualRuntime runtime, MemoryNetwork network, CryptoSuiteProvider crypto) {
            this.settings = settings;
            this.runtime = runtime;
            this.network = network;
            this.crypto = crypto;
            this.random = new Random(settings.seed());
            this.copiesHeldBefore = new long[settings.holders()];
            int count = settings.holders() + settings.senders() + settings.recipients();
            for (int i = 0; i < count; i++) {
                identities.add(SimNodes.identitySeed(random));
                nodes.add(null);
                ids.add(null);
            }
        }

        private boolean isHolder(int i) {
            return i < settings.holders();
        }

        private boolean isRecipient(int i) {
            return i >= settings.holders() + settings.senders();
        }

        private PeerAddress address(int i) {
            return PeerAddress.of(ids.get(i), TransportAddress.parse("mem:h" + i));
        }

        /** Starts node {@code i} and links it to every node up that it should reach: holders reach everyone. */
        private void start(int i) {
            nodes.set(i, SimNodes.builder(runtime, network, crypto, identities.get(i), "mem:h" + i,
                    settings.seed() + starts++).start());
            ids.set(i, nodes.get(i).id());
            for (int other = 0; other < nodes.size(); other++) {
                if (other != i && nodes.get(other) != null && (isHolder(i) || isHolder(other))) {
                    nodes.get(i).addPeer(address(other));
                }
            }
        }

        private void stop(int i) {
            nodes.get(i).close();
            nodes.set(i, null);
        }

        private long copiesHeld(int holder) {
            return nodes.get(holder).metrics().get(COPIES_HELD);
        }

        Result simulate() {
            for (int i = 0; i < nodes.size(); i++) {
                start(i);
            }
            runtime.runFor(SETTLE);
            List<Long> toForgetful = new ArrayList<>();
            List<Long> toReliable = new ArrayList<>();
            List<OutboundMessage> sent = new ArrayList<>();
            int firstSender = settings.holders();
            int firstRecipient = settings.holders() + settings.senders();
            for (int cycle = 0; cycle < settings.cycles(); cycle++) {
                long[] before = new long[settings.holders()];
                for (int h = 0; h < settings.holders(); h++) {
                    before[h] = copiesHeldBefore[h] + copiesHeld(h);
                }
                for (int r = firstRecipient; r < nodes.size(); r++) {
                    stop(r);
                }
                runtime.runFor(AWAY_BEFORE_SENDING);
                long gap = SENDING.toMillis() / settings.messages();
                for (int m = 0; m < settings.messages(); m++) {
                    TomNode from = nodes.get(firstSender + random.nextInt(settings.senders()));
                    int to = firstRecipient + random.nextInt(settings.recipients());
                    sent.add(from.send(ids.get(to), payload()));
                    runtime.runFor(Duration.ofMillis(gap));
                }
                long forgetful = 0;
                long reliable = 0;
                for (int h = 0; h < settings.holders(); h++) {
                    long given = copiesHeldBefore[h] + copiesHeld(h) - before[h];
                    if (h < settings.forgetful()) {
                        forgetful += given;
                    } else {
                        reliable += given;
                    }
                }
                toForgetful.add(forgetful);
                toReliable.add(reliable);
                for (int h = 0; h < settings.forgetful(); h++) {
                    copiesHeldBefore[h] += copiesHeld(h);
                    stop(h);
                }
                // a moment to close (too short to be seen offline: the forgetful keep their uptime)
                runtime.runFor(Duration.ofSeconds(1));
                for (int h = 0; h < settings.forgetful(); h++) {
                    start(h);
                }
                runtime.runFor(BEFORE_RETURN);
                for (int r = firstRecipient; r < nodes.size(); r++) {
                    start(r);
                }
                runtime.runFor(BACK);
            }
            int delivered = (int) sent.stream().filter(m -> m.status().isDelivered()).count();
            return new Result(toForgetful, toReliable, sent.size(), delivered);
        }

        private byte[] payload() {
            byte[] payload = new byte[256];
            random.nextBytes(payload);
            return payload;
        }

        void close() {
            nodes.stream().filter(java.util.Objects::nonNull).forEach(TomNode::close);
            runtime.runFor(Duration.ofSeconds(1));
        }
    }
}
