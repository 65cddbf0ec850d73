package org.tomprotocol.cli.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.extension.Subscriptions;

/**
 * The demo's group: one more node founds a group of every demo node and is its hub; each member posts; then the hub
 * is closed, and a member posts again — the shadow takes over and orders it. Reports the failover time (the hub's
 * close to that post being ordered) and whether every member got every post.
 */
final class DemoGroup {
    private final DemoNetwork network;
    private final long timeoutNanos;
    /** What each member's application got, by member. */
    private final Map<NodeId, Set<String>> received = new ConcurrentHashMap<>();

    DemoGroup(DemoNetwork network, long timeoutSeconds) {
        this.network = network;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    /** Runs the group phase; the result's {@code ok} says whether everything arrived. */
    Map<String, Object> run() throws InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        List<TomNode> members = network.nodes();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("members", members.size());
        TomNode hub = Tom.node().transports("quic").listen("127.0.0.1:0").start();
        try {
            for (TomNode member : members) {
                received.put(member.id(), ConcurrentHashMap.newKeySet());
                Set<String> got = received.get(member.id());
                Subscriptions.listen(member.groups().events(), event -> {
                    if (event instanceof GroupEvent.MessageReceived message) {
                        got.add(new String(message.message().payload(), StandardCharsets.UTF_8));
                    }
                });
                hub.addPeer(new PeerAddress(member.id(), member.addresses()));
            }
            if (!await(() -> hub.peers().stream().filter(peer -> peer.directSession()).count() >= members.size())) {
                return failed(result, "the hub did not reach every member");
            }
            GroupId group = hub.groups().create("demo", members.stream().map(TomNode::id).toList())
                    .toCompletableFuture().get(timeoutNanos, TimeUnit.NANOSECONDS).id();
            for (TomNode member : members) {
                if (!await(() -> !member.groups().pendingInvites().isEmpty())) {
                    return failed(result, "an invitation did not arrive");
                }
                member.groups().accept(group).toCompletableFuture().get(timeoutNanos, TimeUnit.NANOSECONDS);
            }
            List<String> posts = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                String text = "hello group from " + DemoNetwork.name(i);
                posts.add(text);
                members.get(i).groups().send(group, text.getBytes(StandardCharsets.UTF_8));
            }
            boolean before = await(() -> everyoneHas(members, posts));
            result.put("posts_before_the_hub_died", posts.size());

            long killed = System.nanoTime();
            hub.close();
            String after = "after the hub died, from " + DemoNetwork.name(1);
            posts.add(after);
            members.get(1).groups().send(group, after.getBytes(StandardCharsets.UTF_8))
                    .toCompletableFuture().get(timeoutNanos, TimeUnit.NANOSECONDS);
            long failover = System.nanoTime() - killed;
            boolean afterwards = await(() -> everyoneHas(members, posts));
            NodeId newHub = members.get(1).groups().group(group).map(GroupInfo::hub).orElse(null);
            result.put("failover_ms", TimeUnit.NANOSECONDS.toMillis(failover));
            result.put("new_hub", newHub == null ? "none" : network.nameOf(newHub));
            result.put("every_member_got_every_post", before && afterwards);
            result.put("ok", before && afterwards);
            return result;
        } finally {
            hub.close();
        }
    }

    private static Map<String, Object> failed(Map<String, Object> result, String why) {
        result.put("ok", false);
        result.put("problem", why);
        return result;
    }

    /** Whether every member got every post but its own. */
    private boolean everyoneHas(List<TomNode> members, List<String> posts) {
        for (int i = 0; i < members.size(); i++) {
            String own = DemoNetwork.name(i);
            for (String post : posts) {
                if (!post.endsWith(own) && !received.get(members.get(i).id()).contains(post)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
