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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * One group of real engines on the in-memory network and virtual time (issue 16, docs/groups.md): the first node
 * founds the group and is its hub, invites the others, which join one after the other (so the second node is the
 * shadow, the third the candidate); members post at a steady rate from random senders; at a quarter, once what was
 * sent so far is in, the founder removes the last member; optionally the hub (and the shadow) crash at a given
 * post. Then, in the same run and over the same links, as many direct 1:1 messages between random live members, the
 * baseline. Measures, per post, the time from the send to each member's application, what each live member got,
 * duplicates, what the removed member got after its removal, the hubs each epoch had, and the failover time.
 * Deterministic for a seed.
 */
public final class GroupSimulation {
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration DRAIN = Duration.ofMinutes(5);

    private GroupSimulation() {
    }

    /**
     * What to simulate.
     *
     * @param members           nodes in the group, the hub included (2 to 50)
     * @param messages          posts, then as many direct messages for the baseline
     * @param latencyMillis     one-way latency of every link
     * @param messagesPerSecond sending rate, in virtual time
     * @param seed              seed of every random choice
     * @param killHubAt         the post before which the hub crashes; -1 for never
     * @param killShadow        whether the shadow crashes with it
     * @param killAgainAt       the post before which the hub that took over crashes in turn (once there is one); -1
     *                          for never
     * @param postCopies        whether members send their posts straight to the other members too (the node option
     *                          {@code groups.post-copies})
     */
    public record Settings(int members, int messages, int latencyMillis, int messagesPerSecond, long seed,
                           int killHubAt, boolean killShadow, int killAgainAt, boolean postCopies) {
        public Settings {
            if (killAgainAt >= 0 && (killHubAt < 0 || killAgainAt <= killHubAt || killAgainAt >= messages)) {
                throw new IllegalArgumentException("--kill-again-at must be after --kill-hub-at and below --messages ("
                        + messages + "), got " + killAgainAt);
            }
            if (killHubAt >= messages) {
                throw new IllegalArgumentException("--kill-hub-at must be below --messages (" + messages + "), got "
                        + killHubAt);
            }
            if (killShadow && killHubAt < 0) {
                throw new IllegalArgumentException("--kill-shadow needs --kill-hub-at");
            }
            if (members < 3 || members > 50) {
                throw new IllegalArgumentException("--members must be between 3 and 50, got " + members);
            }
            if (messages < 2) {
                throw new IllegalArgumentException("--messages must be at least 2, got " + messages);
            }
            if (latencyMillis < 0) {
                throw new IllegalArgumentException("--latency must not be negative, got " + latencyMillis);
            }
            if (messagesPerSecond < 1) {
                throw new IllegalArgumentException("--rate must be at least 1 message/s, got " + messagesPerSecond);
            }
        }
    }

    /**
     * What happened.
     *
     * @param sent                            posts sent
     * @param deliveredPerMemberMin           the smallest share of the posts meant for a member that it got
     * @param deliveredPerMemberMean          the mean of that share over members
     * @param lost                            posts some member they were meant for never got
     * @param duplicatesToApp                 posts an application got more than once (must be 0)
     * @param fanoutP50Millis                 median time from a post's send to a member's application
     * @param fanoutP99Millis                 99th percentile of the same
     * @param directP50Millis                 median time from a direct message's send to its recipient's application
     * @param directP99Millis                 99th percentile of the same
     * @param hubsPerEpochMax                 distinct hubs the members followed (must be 1: one epoch, one hub)
     * @param messagesReadableByRemovedMember posts the removed member got that their author sent after it learned of
     *                                        the removal (must be 0)
     * @param concurrentPostsReadByRemovedMember posts the removed member got that were sent after the hub ordered its
     *                                        removal but before their author learned of it (0 without post copies:
     *                                        only an author's copy can reach it)
     * @param failoverMillis                  hub crash to the first post the new hub ordered; -1 without a crash
     * @param epochs                          hub epochs the group went through
     * @param virtualMillis                   virtual time the run took
     * @param wallMillis                      real time the run took
     */
    public record Result(int sent, double deliveredPerMemberMin, double deliveredPerMemberMean, int lost,
                         int duplicatesToApp, long fanoutP50Millis, long fanoutP99Millis, long directP50Millis,
                         long directP99Millis, int hubsPerEpochMax, int messagesReadableByRemovedMember,
                         int concurrentPostsReadByRemovedMember, long failoverMillis, int epochs, long virtualMillis, long wallMillis) {
    }

    /** A post: when it was sent, by whom, who it was meant for, and whether its sender knew of the removal. */
    private record Post(long sentAt, NodeId sender, Set<NodeId> audience, boolean senderKnewOfRemoval) {
    }

    public static Result run(Settings settings) {
        long wallStart = System.nanoTime();
        VirtualRuntime runtime = new VirtualRuntime();
        MemoryNetwork network = new MemoryNetwork(runtime, settings.seed()).defaultLink(LinkModel.builder()
                .latencyMillis(settings.latencyMillis()).jitterMillis(settings.latencyMillis() / 10).build());
        CryptoSuiteProvider crypto = SimNodes.crypto("tom sim groups");
        Random random = new Random(settings.seed());
        List<TomNode> nodes = new ArrayList<>();
        Map<NodeId, List<long[]>> received = new HashMap<>();
        Map<Long, Set<NodeId>> hubsByEpoch = new HashMap<>();
        List<Long> accepted = new ArrayList<>();
        List<Long> hubChanges = new ArrayList<>();
        Map<NodeId, List<Long>> directArrivals = new HashMap<>();
        Map<NodeId, Set<NodeId>> sawLeave = new HashMap<>();
        try {
            for (int i = 0; i < settings.members(); i++) {
                TomNode node = SimNodes.builder(runtime, network, crypto, SimNodes.identitySeed(random), "mem:g" + i,
                                settings.seed() + i)
                        .option("groups.post-copies", String.valueOf(settings.postCopies())).start();
                List<long[]> got = new ArrayList<>();
                received.put(node.id(), got);
                node.groups().events().subscribe(recorder(got, hubsByEpoch, accepted, hubChanges, runtime,
                        departed -> sawLeave.computeIfAbsent(node.id(), id -> new HashSet<>()).add(departed)));
                List<Long> direct = new ArrayList<>();
                directArrivals.put(node.id(), direct);
                node.onMessage(message -> direct.add(runtime.nowMillis() - message.sentAt().toEpochMilli()));
                nodes.add(node);
            }
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    nodes.get(j).addPeer(PeerAddress.of(nodes.get(i).id(), TransportAddress.parse("mem:g" + i)));
                }
            }
            runtime.runFor(SETTLE);
            GroupId group = form(nodes, runtime);

            TomNode hub = nodes.get(0);
            hubsByEpoch.computeIfAbsent(1L, epoch -> new HashSet<>()).add(hub.id());
            TomNode removed = nodes.get(nodes.size() - 1);
            Set<NodeId> members = new HashSet<>();
            nodes.forEach(node -> members.add(node.id()));
            List<TomNode> live = new ArrayList<>(nodes.subList(0, nodes.size() - 1));
            long killedAt = -1;
            List<Post> posts = new ArrayList<>();
            Duration gap = Duration.ofNanos(1_000_000_000L / settings.messagesPerSecond());
            long removedAt = Long.MAX_VALUE;
            for (int m = 0; m < settings.messages(); m++) {
                if (m == settings.killHubAt() || m == settings.killAgainAt()) {
                    boolean first = m == settings.killHubAt();
                    if (first) {
                        killedAt = runtime.nowMillis();
                    }
                    if (!first) {
                        // the hub that took over is the one to kill: wait until there is one
                        runtime.runUntil(() -> live.contains(currentHub(hubsByEpoch, nodes)), DRAIN);
                    }
                    List<TomNode> dead = !first ? List.of(currentHub(hubsByEpoch, nodes))
                            : settings.killShadow() ? List.of(nodes.get(0), nodes.get(1)) : List.of(nodes.get(0));
                    for (TomNode node : dead) {
                        network.crash(node.id());
                        live.remove(node);
                        members.remove(node.id());
                        // a crashed node is owed nothing, not even what was sent before it crashed
                        posts.forEach(post -> post.audience().remove(node.id()));
                    }
                }
                if (m == settings.messages() / 4 && live.contains(hub)) {
                    // the posts sent so far are meant for the member about to go: let the hub order them first
                    runtime.runUntil(() -> everyoneHasEverything(posts, received), DRAIN);
                    CompletableFuture<Void> removal = hub.groups().remove(group, removed.id()).toCompletableFuture();
                    runtime.runUntil(removal::isDone, DRAIN);
                    members.remove(removed.id());
                    removedAt = runtime.nowMillis();
                }
                TomNode sender = live.get(random.nextInt(live.size()));
                Set<NodeId> audience = new HashSet<>(members);
                audience.remove(sender.id());
                posts.add(new Post(runtime.nowMillis(), sender.id(), audience,
                        sawLeave.getOrDefault(sender.id(), Set.of()).contains(removed.id())));
                sender.groups().send(group, ("post " + m).getBytes(StandardCharsets.UTF_8));
                runtime.runFor(gap);
            }
            runtime.runUntil(() -> everyoneHasEverything(posts, received), DRAIN);
            long virtual = runtime.nowMillis() - VirtualRuntime.DEFAULT_START.toEpochMilli();

            for (int m = 0; m < settings.messages(); m++) {
                TomNode from = live.get(random.nextInt(live.size()));
                TomNode to = live.get(random.nextInt(live.size() - 1));
                if (to == from) {
                    to = live.get(live.size() - 1);
                }
                from.send(to.id(), ("direct " + m).getBytes(StandardCharsets.UTF_8));
                runtime.runFor(gap);
            }
            runtime.runFor(Duration.ofSeconds(5));

            // the new hub's first ordering: the first post accepted once a member followed a new hub
            long takenOver = hubChanges.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
            long firstAfter = Long.MAX_VALUE;
            for (long at : accepted) {
                if (killedAt >= 0 && at >= takenOver) {
                    firstAfter = Math.min(firstAfter, at);
                }
            }
            long failover = killedAt < 0 ? -1 : firstAfter == Long.MAX_VALUE ? Long.MAX_VALUE : firstAfter - killedAt;
            int hubsPerEpoch = hubsByEpoch.values().stream().mapToInt(Set::size).max().orElse(0);
            return summarize(posts, received, directArrivals, removed.id(), removedAt, hubsPerEpoch, failover,
                    hubsByEpoch.size(), virtual, (System.nanoTime() - wallStart) / 1_000_000);
        } finally {
            nodes.forEach(TomNode::close);
            runtime.runFor(Duration.ofSeconds(1));
        }
    }

    /** The hub of the newest epoch some member followed. */
    private static TomNode currentHub(Map<Long, Set<NodeId>> hubsByEpoch, List<TomNode> nodes) {
        long newest = hubsByEpoch.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        NodeId hub = hubsByEpoch.get(newest).iterator().next();
        return nodes.stream().filter(node -> node.id().equals(hub)).findFirst().orElseThrow();
    }

    /** The founder creates the group with everyone invited; everyone accepts and sees the whole membership. */
    private static GroupId form(List<TomNode> nodes, VirtualRuntime runtime) {
        TomNode founder = nodes.get(0);
        List<NodeId> invitees = nodes.subList(1, nodes.size()).stream().map(TomNode::id).toList();
        CompletableFuture<GroupInfo> created = founder.groups().create("simulated", invitees).toCompletableFuture();
        runtime.runUntil(created::isDone, DRAIN);
        GroupId group = created.join().id();
        runtime.runUntil(() -> nodes.subList(1, nodes.size()).stream()
                .allMatch(node -> !node.groups().pendingInvites().isEmpty()), DRAIN);
        for (TomNode node : nodes.subList(1, nodes.size())) {
            CompletableFuture<GroupInfo> joined = node.groups().accept(group).toCompletableFuture();
            runtime.runUntil(joined::isDone, DRAIN);
        }
        runtime.runUntil(() -> nodes.stream().allMatch(node -> node.groups().group(group)
                .map(info -> info.members().size() == nodes.size()).orElse(false)), DRAIN);
        runtime.runFor(SETTLE);
        return group;
    }

    /**
     * Each post a member's application got ({@code [post index, virtual time]}), the hub of each epoch it followed,
     * when its own posts were ordered, and each member it saw leave.
     */
    private static Flow.Subscriber<GroupEvent> recorder(List<long[]> got, Map<Long, Set<NodeId>> hubsByEpoch,
                                                        List<Long> accepted, List<Long> changes,
                                                        VirtualRuntime runtime,
                                                        java.util.function.Consumer<NodeId> sawLeave) {
        return new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(GroupEvent event) {
                if (event instanceof GroupEvent.HubChanged changed) {
                    hubsByEpoch.computeIfAbsent(changed.epoch(), epoch -> new HashSet<>()).add(changed.newHub());
                    changes.add(runtime.nowMillis());
                } else if (event instanceof GroupEvent.Accepted) {
                    accepted.add(runtime.nowMillis());
                } else if (event instanceof GroupEvent.MemberLeft left) {
                    sawLeave.accept(left.member());
                }
                if (event instanceof GroupEvent.MessageReceived message) {
                    String text = new String(message.message().payload(), StandardCharsets.UTF_8);
                    got.add(new long[] {Long.parseLong(text.substring("post ".length())), runtime.nowMillis()});
                }
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
    }

    private static boolean everyoneHasEverything(List<Post> posts, Map<NodeId, List<long[]>> received) {
        int meant = posts.stream().mapToInt(post -> post.audience().size()).sum();
        return received.values().stream().mapToInt(List::size).sum() >= meant;
    }

    private static Result summarize(List<Post> posts, Map<NodeId, List<long[]>> received,
                                    Map<NodeId, List<Long>> directArrivals, NodeId removed, long removedAt, int hubs,
                                    long failover, int epochs, long virtualMillis, long wallMillis) {
        List<Long> fanout = new ArrayList<>();
        int duplicates = 0;
        int afterRemoval = 0;
        int concurrentWithRemoval = 0;
        Map<Integer, Set<NodeId>> gotBy = new HashMap<>();
        for (Map.Entry<NodeId, List<long[]>> entry : received.entrySet()) {
            Set<Long> seen = new HashSet<>();
            for (long[] got : entry.getValue()) {
                Post post = posts.get((int) got[0]);
                if (!seen.add(got[0])) {
                    duplicates++;
                    continue;
                }
                if (entry.getKey().equals(removed) && post.senderKnewOfRemoval()) {
                    afterRemoval++;
                } else if (entry.getKey().equals(removed) && post.sentAt() >= removedAt) {
                    concurrentWithRemoval++;
                }
                fanout.add(got[1] - post.sentAt());
                gotBy.computeIfAbsent((int) got[0], index -> new HashSet<>()).add(entry.getKey());
            }
        }
        int lost = 0;
        Map<NodeId, int[]> shares = new HashMap<>();
        for (int index = 0; index < posts.size(); index++) {
            Set<NodeId> got = gotBy.getOrDefault(index, Set.of());
            boolean missing = false;
            for (NodeId member : posts.get(index).audience()) {
                int[] share = shares.computeIfAbsent(member, id -> new int[2]);
                share[1]++;
                if (got.contains(member)) {
                    share[0]++;
                } else {
                    missing = true;
                }
            }
            lost += missing ? 1 : 0;
        }
        double min = shares.values().stream().mapToDouble(share -> (double) share[0] / share[1]).min().orElse(0);
        double mean = shares.values().stream().mapToDouble(share -> (double) share[0] / share[1]).average().orElse(0);
        List<Long> direct = new ArrayList<>();
        directArrivals.values().forEach(direct::addAll);
        fanout.sort(null);
        direct.sort(null);
        return new Result(posts.size(), min, mean, lost, duplicates, EngineSimulation.percentile(fanout, 0.5), EngineSimulation.percentile(fanout, 0.99),
                EngineSimulation.percentile(direct, 0.5), EngineSimulation.percentile(direct, 0.99), hubs, afterRemoval, concurrentWithRemoval, failover,
                epochs, virtualMillis, wallMillis);
    }
}
