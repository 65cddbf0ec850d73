package org.tomprotocol.lab.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.cli.extension.Subscriptions;

/**
 * One group of real nodes over QUIC on loopback, in this process: the first node founds it and is its hub, the
 * others join in turn (the second is the shadow, the third the candidate); members post at a steady rate; the hub is
 * closed mid-stream, and later the hub that took over. Measures, for each kill, the time to the first post the next
 * hub ordered, and what every live member got.
 */
final class GroupFailoverRun implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A kill: when, and the time to the first post ordered after it. */
    record Failover(long killedAtNanos, long firstOrderedAfterNanos) {
        double millis() {
            return (firstOrderedAfterNanos - killedAtNanos) / 1e6;
        }
    }

    /**
     * What happened.
     *
     * @param lostWithSender posts whose sender was closed before any hub accepted them: gone with their sender, as a
     *                       1:1 message its sender crashed on; not counted as lost
     */
    record Result(int sent, int lost, int lostWithSender, int duplicates, List<Failover> failovers,
                  int hubsPerEpochMax) {
    }

    private final List<TomNode> nodes = new ArrayList<>();
    private final Map<NodeId, List<String>> received = new ConcurrentHashMap<>();
    private final List<Long> acceptedAt = new CopyOnWriteArrayList<>();
    private final List<Long> hubChanges = new CopyOnWriteArrayList<>();
    private final Map<Long, Set<NodeId>> hubsByEpoch = new ConcurrentHashMap<>();
    /** Each post's sender, and the posts whose send completed (a hub accepted them). */
    private final Map<String, NodeId> authors = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<NodeId> closed = ConcurrentHashMap.newKeySet();

    GroupFailoverRun(PluginSource plugins, int members) {
        for (int i = 0; i < members; i++) {
            NodeBuilder builder = Tom.node().plugins(plugins).transports("quic").listen("127.0.0.1:0");
            TomNode node = builder.start();
            nodes.add(node);
            List<String> got = new CopyOnWriteArrayList<>();
            received.put(node.id(), got);
            Subscriptions.listen(node.groups().events(), event -> recorded(got, event));
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                nodes.get(j).addPeer(PeerAddress.of(nodes.get(i).id(), nodes.get(i).addresses().get(0)));
            }
        }
    }

    private void recorded(List<String> got, GroupEvent event) {
        switch (event) {
            case GroupEvent.MessageReceived message ->
                    got.add(new String(message.message().payload(), StandardCharsets.UTF_8));
            case GroupEvent.Accepted ignored -> acceptedAt.add(System.nanoTime());
            case GroupEvent.HubChanged changed -> {
                hubChanges.add(System.nanoTime());
                hubsByEpoch.computeIfAbsent(changed.epoch(), epoch -> ConcurrentHashMap.newKeySet())
                        .add(changed.newHub());
            }
            default -> {
            }
        }
    }

    /** Whether after each kill a member followed a new hub, and a post was accepted after that. */
    private boolean tookOverAfterEach(List<long[]> kills) {
        return kills.stream().allMatch(kill -> hubChanges.stream().filter(at -> at > kill[0]).mapToLong(Long::longValue)
                .min().stream().anyMatch(takenOver -> acceptedAt.stream().anyMatch(at -> at >= takenOver)));
    }

    private static void until(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the group did not settle within " + WAIT.toSeconds() + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Forms the group, posts {@code posts} at {@code rate}/s, closing the hub at each of {@code killAt}. */
    Result run(int posts, int rate, List<Integer> killAt, long seed) throws Exception {
        TomNode founder = nodes.get(0);
        until(() -> nodes.stream().allMatch(node -> node.peers().size() == nodes.size() - 1));
        List<NodeId> invitees = nodes.subList(1, nodes.size()).stream().map(TomNode::id).toList();
        GroupId group = founder.groups().create("bench", invitees).toCompletableFuture().get(30, TimeUnit.SECONDS).id();
        hubsByEpoch.computeIfAbsent(1L, epoch -> ConcurrentHashMap.newKeySet()).add(founder.id());
        for (TomNode node : nodes.subList(1, nodes.size())) {
            until(() -> !node.groups().pendingInvites().isEmpty());
            node.groups().accept(group).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        until(() -> nodes.stream().allMatch(node -> node.groups().group(group)
                .map(info -> info.members().size() == nodes.size()).orElse(false)));
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));

        List<TomNode> live = new ArrayList<>(nodes);
        Map<String, Set<NodeId>> audiences = new HashMap<>();
        List<long[]> kills = new ArrayList<>();
        Random random = new Random(seed);
        long gap = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int m = 0; m < posts; m++) {
            if (killAt.contains(m)) {
                // a later kill waits until every live member follows the hub that took over from the last one
                until(() -> live.stream().anyMatch(node -> isHub(node, group)) && live.stream()
                        .map(node -> node.groups().group(group).map(GroupInfo::hub).orElse(null)).distinct()
                        .count() == 1);
                TomNode hub = live.stream().filter(node -> isHub(node, group)).findFirst().orElseThrow();
                live.remove(hub);
                kills.add(new long[] {System.nanoTime()});
                closed.add(hub.id());
                hub.close();
                audiences.values().forEach(audience -> audience.remove(hub.id()));
            }
            // the hub does not post: a post its node had not yet sent out when it died is a sender's loss, not
            // the failover's
            List<TomNode> senders = live.stream().filter(node -> !isHub(node, group)).toList();
            TomNode sender = senders.get(random.nextInt(senders.size()));
            String text = "post " + m;
            Set<NodeId> audience = new HashSet<>();
            live.forEach(node -> audience.add(node.id()));
            audience.remove(sender.id());
            audiences.put(text, audience);
            authors.put(text, sender.id());
            sender.groups().send(group, text.getBytes(StandardCharsets.UTF_8)).thenRun(() -> accepted.add(text));
            next += gap;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        long settleDeadline = System.nanoTime() + WAIT.toNanos();
        // every post reached every live member — the authors' copies bring most of them before any new hub orders
        // them — and after each kill a hub that took over accepted a post
        while (System.nanoTime() < settleDeadline && (lost(audiences) > 0 || !tookOverAfterEach(kills))) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        List<Failover> failovers = new ArrayList<>();
        for (long[] kill : kills) {
            // the first post accepted once a member followed a hub that took over after this kill
            long takenOver = hubChanges.stream().filter(at -> at > kill[0]).mapToLong(Long::longValue).min()
                    .orElse(Long.MAX_VALUE);
            long first = acceptedAt.stream().filter(at -> at >= takenOver).mapToLong(Long::longValue).min()
                    .orElse(Long.MAX_VALUE);
            failovers.add(new Failover(kill[0], first));
        }
        int duplicates = 0;
        for (List<String> got : received.values()) {
            duplicates += got.size() - new HashSet<>(got).size();
        }
        int lostWithSender = (int) audiences.keySet().stream().filter(text -> goneWithSender(text, audiences)).count();
        return new Result(posts, lost(audiences), lostWithSender, duplicates, failovers,
                hubsByEpoch.values().stream().mapToInt(Set::size).max().orElse(0));
    }

    private static boolean isHub(TomNode node, GroupId group) {
        return node.groups().group(group).map(GroupInfo::hub).map(node.id()::equals).orElse(false);
    }

    /** Whether no live member got {@code text}, whose sender was closed before a hub accepted it. */
    private boolean goneWithSender(String text, Map<String, Set<NodeId>> audiences) {
        return closed.contains(authors.get(text)) && !accepted.contains(text)
                && audiences.get(text).stream().noneMatch(member -> received.get(member).contains(text));
    }

    private int lost(Map<String, Set<NodeId>> audiences) {
        int lost = 0;
        for (Map.Entry<String, Set<NodeId>> entry : audiences.entrySet()) {
            if (goneWithSender(entry.getKey(), audiences)) {
                continue;
            }
            for (NodeId member : entry.getValue()) {
                if (!received.get(member).contains(entry.getKey())) {
                    lost++;
                    break;
                }
            }
        }
        return lost;
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (TomNode node : nodes) {
            closing.add(CompletableFuture.runAsync(node::close));
        }
        closing.forEach(CompletableFuture::join);
    }
}
