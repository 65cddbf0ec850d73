package org.tomprotocol.testkit.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.SendRejectedException;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * Offline delivery on real engines, the in-memory network and virtual time: durable ordinary nodes come and go
 * (about {@code offlineFraction} of them offline at a time, for exponential periods), always-on hubs relay, and
 * messages are sent between random ordinary nodes over the send window; the clock then runs to 25 h after the last
 * send, past every message's lifetime. It measures what was delivered, when (from the recipient's return), twice or
 * never, how many nodes held each message, and what the stores still hold at the end. Deterministic for a seed.
 */
public final class OfflineSimulation {
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Duration REJOIN_CHECK = Duration.ofSeconds(10);
    private static final long REPLICA_SAMPLE_MS = Duration.ofMinutes(10).toMillis();
    private static final long RUN_PAST_LAST_SEND_MS = Duration.ofHours(25).toMillis();
    private static final long MESSAGE_LIFETIME_MS = Duration.ofHours(24).toMillis();
    private static final long MIN_OFFLINE_MS = 2_000;

    private record Event(long at, long order, Runnable action) {
    }

    private final OfflineSettings settings;
    private final VirtualRuntime runtime = new VirtualRuntime();
    private final Random random;
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at() != b.at()
            ? Long.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
    private final Presence presence;
    private final OfflineTally tally;
    private final OfflineNodes nodes;
    private final Set<Integer> neverReturning = new HashSet<>();
    private long order;
    private long churnUntil;

    private OfflineSimulation(OfflineSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.presence = new Presence(settings.nodes());
        for (int i = 0; i < settings.neverReturning(); i++) {
            neverReturning.add(i);
        }
        this.tally = new OfflineTally(settings.nodes(), neverReturning);
        MemoryNetwork network = new MemoryNetwork(runtime, settings.seed())
                .defaultLink(LinkModel.builder().latencyMillis(10).jitterMillis(5).build());
        CryptoSuiteProvider crypto = SimNodes.crypto("tom sim offline");
        this.nodes = new OfflineNodes(runtime, network, crypto, settings.seed(),
                (recipient, message) -> tally.received(recipient, message.id(), runtime.nowMillis()));
    }

    public static OfflineResult run(OfflineSettings settings) {
        long wallStart = System.nanoTime();
        OfflineSimulation simulation = new OfflineSimulation(settings);
        try (OfflineNodes nodes = simulation.nodes) {
            return simulation.simulate(wallStart);
        }
    }

    private OfflineResult simulate(long wallStart) {
        long start = runtime.nowMillis();
        nodes.startAll(settings.hubs(), settings.nodes(), settings.relayFraction(), random);
        for (int i = 0; i < settings.nodes(); i++) {
            presence.up(i, start);
        }
        runtime.runFor(SETTLE);
        long now = runtime.nowMillis();
        long window = (long) (settings.sendHours() * 3_600_000L);
        List<Long> sendTimes = new ArrayList<>();
        for (int m = 0; m < settings.messages(); m++) {
            sendTimes.add(now + (long) (random.nextDouble() * window));
        }
        sendTimes.sort(null);
        long lastSend = sendTimes.isEmpty() ? now : sendTimes.get(sendTimes.size() - 1);
        long end = lastSend + RUN_PAST_LAST_SEND_MS;
        churnUntil = lastSend + MESSAGE_LIFETIME_MS;
        for (int i = 0; i < settings.nodes(); i++) {
            if (neverReturning.contains(i)) {
                int node = i;
                schedule(now, () -> leave(node, false));
            } else if (settings.offlineFraction() > 0) {
                startChurn(i, now);
            }
        }
        for (long at : sendTimes) {
            schedule(at, this::sendOne);
        }
        for (long at = now + REPLICA_SAMPLE_MS; at < lastSend + MESSAGE_LIFETIME_MS; at += REPLICA_SAMPLE_MS) {
            long sample = at;
            schedule(at, () -> tally.countReplicas(nodes.stores(), sample));
        }
        while (!events.isEmpty() && events.peek().at() <= end) {
            Event event = events.poll();
            runtime.runUntil(Instant.ofEpochMilli(event.at()));
            event.action().run();
        }
        runtime.runUntil(Instant.ofEpochMilli(end));
        nodes.stores().purgeExpired(Instant.ofEpochMilli(end));
        return tally.result(settings.hubs(), presence, nodes.stores(), end - start,
                (System.nanoTime() - wallStart) / 1_000_000);
    }

    /** In the long run a node is offline {@code offlineFraction} of the time: it starts in that state with that odds. */
    private void startChurn(int node, long now) {
        if (random.nextDouble() < settings.offlineFraction()) {
            schedule(now, () -> leave(node, true));
        } else {
            schedule(now + onlinePeriod(), () -> leave(node, true));
        }
    }

    private void leave(int node, boolean returns) {
        long now = runtime.nowMillis();
        nodes.stop(node);
        presence.down(node, now);
        if (returns) {
            long offline = Math.max(MIN_OFFLINE_MS, exponential(settings.meanOfflineMinutes() * 60_000));
            schedule(now + offline, () -> comeBack(node));
        }
    }

    private void comeBack(int node) {
        long now = runtime.nowMillis();
        nodes.restart(node);
        presence.up(node, now);
        long check = now + REJOIN_CHECK.toMillis();
        schedule(check, () -> {
            // a node that left again before the check says nothing about rejoining: it is not counted
            if (presence.onlineThroughout(node, now, check)) {
                tally.restarted(nodes.reachesAHub(node));
            }
        });
        long next = now + onlinePeriod();
        if (next < churnUntil) {
            schedule(next, () -> leave(node, true));
        }
    }

    /** Online periods whose mean keeps the offline share at {@code offlineFraction}. */
    private long onlinePeriod() {
        double meanOffline = settings.meanOfflineMinutes() * 60_000;
        return Math.max(1_000, exponential(meanOffline * (1 - settings.offlineFraction()) / settings.offlineFraction()));
    }

    private long exponential(double mean) {
        return (long) (-mean * Math.log(1 - random.nextDouble()));
    }

    private void sendOne() {
        List<Integer> online = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.online(i)) {
                online.add(i);
            }
        }
        int recipient = random.nextInt(nodes.size());
        online.remove(Integer.valueOf(recipient));
        if (online.isEmpty()) {
            return;
        }
        int sender = online.get(random.nextInt(online.size()));
        long now = runtime.nowMillis();
        try {
            OutboundMessage message = nodes.node(sender).send(nodes.id(recipient),
                    ("offline simulation " + now).getBytes(StandardCharsets.UTF_8));
            tally.sent(message.id(), sender, nodes.id(sender), recipient, now);
            message.delivered().whenComplete((receipt, failure) -> {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException wrapped
                        ? wrapped.getCause() : failure;
                if (cause instanceof DeliveryFailedException failed
                        && failed.reason() != DeliveryFailedException.Reason.NODE_CLOSED) {
                    tally.failedAtLifetimeEnd();
                }
            });
        } catch (SendRejectedException e) {
            // not accepted, so not counted as sent; a durable node refuses only what its store cannot keep
        }
    }

    private void schedule(long at, Runnable action) {
        events.add(new Event(at, order++, action));
    }
}
