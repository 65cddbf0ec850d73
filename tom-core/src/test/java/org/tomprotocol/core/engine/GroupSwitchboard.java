package org.tomprotocol.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * Group machines of several nodes joined by a switchboard that carries their frames in order, through their wire
 * form, at a virtual time the test moves: what a test drops, holds or forges never depends on threads or clocks.
 */
final class GroupSwitchboard {
    static final TomV1Suite SUITE = new TomV1Suite();

    /** A frame on its way. */
    record Carried(NodeId from, NodeId to, GroupFrame frame) {
    }

    /** What one node's machine did, as its effects saw it. */
    static final class Node implements GroupEffects {
        final LocalIdentity identity;
        final GroupsMachine machine;
        final List<GroupEvent> events = new ArrayList<>();
        final Map<String, Integer> counters = new HashMap<>();
        /** What this node's store holds of each group, through its stored form, as a store would hand it back. */
        final Map<String, byte[]> kept = new HashMap<>();
        /** The posts this node's store remembers it showed, as the runtime remembers them before it shows them. */
        final List<GroupsMachine.Shown> shown = new ArrayList<>();
        List<GroupInfo> groups = List.of();
        List<GroupInvite> invites = List.of();
        private final GroupSwitchboard board;

        Node(GroupSwitchboard board) {
            this(board, SUITE.generateIdentity());
        }

        private Node(GroupSwitchboard board, LocalIdentity identity) {
            this.board = board;
            this.identity = identity;
            this.machine = new GroupsMachine(identity, SUITE, this,
                    (member, now) -> board.capabilities.getOrDefault(member, 0.0));
            machine.keepGroups(true);
        }

        NodeId id() {
            return identity.id();
        }

        @Override
        public void sendGroupFrame(NodeId to, GroupFrame frame) {
            board.queue.add(new Carried(id(), to, frame));
        }

        @Override
        public void groupEvent(GroupEvent event) {
            if (event instanceof GroupEvent.MessageReceived received) {
                shown.add(new GroupsMachine.Shown(received.message().sender(), received.message().id()));
            }
            events.add(event);
        }

        @Override
        public void groupsChanged(List<GroupInfo> groups, List<GroupInvite> invites) {
            this.groups = groups;
            this.invites = invites;
        }

        @Override
        public void keepGroup(org.tomprotocol.core.wire.GroupSnapshot snapshot) {
            kept.put(snapshot.group(), snapshot.encode());
        }

        @Override
        public void forgetGroup(String group) {
            kept.remove(group);
        }

        @Override
        public void count(String counter) {
            counters.merge(counter, 1, Integer::sum);
        }

        /** Runs an application's command as the engine does: then the new snapshot and the command's events. */
        void command(org.tomprotocol.api.GroupId group, java.util.function.Consumer<GroupsMachine> command) {
            try {
                command.accept(machine);
            } finally {
                machine.endOfCommand(group, board.now);
            }
            board.settle();
        }

        int counted(String counter) {
            return counters.getOrDefault(counter, 0);
        }

        <T extends GroupEvent> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private final Deque<Carried> queue = new ArrayDeque<>();
    private final Map<NodeId, Node> nodes = new HashMap<>();
    private final Set<NodeId> offline = new HashSet<>();
    /** How fit each node is to succeed a hub, as every node sees it (0 unless set; negative: offline). */
    final Map<NodeId, Double> capabilities = new HashMap<>();
    /** Every frame carried, in order, for tests that look at or replay what went by. */
    final List<Carried> carried = new ArrayList<>();
    private Predicate<Carried> dropping = carried -> false;
    long now = 1_767_225_600_000L;
    private int posted;

    Node node() {
        Node node = new Node(this);
        nodes.put(node.id(), node);
        return node;
    }

    /**
     * {@code node}'s process dies: its frames on their way to it are lost, its machine is gone. What it kept stays
     * in its store, for {@link #restart}.
     */
    void kill(Node node) {
        nodes.remove(node.id());
        queue.removeIf(carried -> carried.to().equals(node.id()));
    }

    /** {@code node} starts again on its store: a new machine, same identity, its groups restored from what it kept. */
    Node restart(Node node) {
        Node restarted = new Node(this, node.identity);
        restarted.kept.putAll(node.kept);
        restarted.shown.addAll(node.shown);
        nodes.put(restarted.id(), restarted);
        for (byte[] stored : node.kept.values()) {
            try {
                restarted.machine.restore(org.tomprotocol.core.wire.GroupSnapshot.decode(stored), node.shown, now);
            } catch (WireException e) {
                throw new AssertionError("a kept group does not read back: " + e.getMessage(), e);
            }
        }
        settle();
        return restarted;
    }

    /**
     * {@code founder} creates {@code group} and invites {@code members}, which accept one after the other (so the
     * first of them is the shadow, the second the candidate); then a second passes.
     */
    void form(org.tomprotocol.api.GroupId group, String name, Node founder, List<Node> members) {
        founder.command(group, machine -> machine.create(group, name, now));
        for (Node member : members) {
            founder.command(group, machine -> machine.invite(group, member.id(), now));
            member.command(group, machine -> machine.accept(group, now));
            advance(50);
        }
        advance(1_000);
    }

    /** {@code sender} posts to {@code group} a text naming its place and its sender, then 20 ms pass; the text. */
    String post(org.tomprotocol.api.GroupId group, Node sender) {
        String text = "post " + posted++ + " from " + sender.id().shortForm();
        sender.command(group, machine -> machine.send(group, org.tomprotocol.api.MessageId.random(),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), now));
        advance(20);
        return text;
    }

    /** {@code admin} invites {@code member} into {@code group}, which accepts; then 10 ms pass. */
    void join(org.tomprotocol.api.GroupId group, Node admin, Node member) {
        admin.command(group, machine -> machine.invite(group, member.id(), now));
        member.command(group, machine -> machine.accept(group, now));
        advance(10);
    }

    /** {@code sender} posts {@code text} to {@code group}, then 10 ms pass; the post's id. */
    org.tomprotocol.api.MessageId send(org.tomprotocol.api.GroupId group, Node sender, String text) {
        org.tomprotocol.api.MessageId id = org.tomprotocol.api.MessageId.random();
        sender.command(group, machine -> machine.send(group, id, text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                now));
        advance(10);
        return id;
    }

    /** The texts of the posts {@code node}'s application got, in order. */
    static List<String> received(Node node) {
        return node.events(GroupEvent.MessageReceived.class).stream()
                .map(event -> new String(event.message().payload(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    /** The hub of {@code node}'s (first) group, as it sees it. */
    static NodeId hubOf(Node node) {
        return node.groups.get(0).hub();
    }

    /** The succession of the highest version {@code to} was sent in the stream so far. */
    org.tomprotocol.core.wire.GroupStatement.Succession lastSuccessionSentTo(Node to) {
        return carried.stream()
                .filter(carried -> carried.to().equals(to.id()) && carried.frame() instanceof GroupFrame.Stream)
                .flatMap(carried -> ((GroupFrame.Stream) carried.frame()).entries().stream())
                .map(entry -> entry.item().statement())
                .filter(org.tomprotocol.core.wire.GroupStatement.Succession.class::isInstance)
                .map(org.tomprotocol.core.wire.GroupStatement.Succession.class::cast)
                .reduce((first, second) -> second.version() >= first.version() ? second : first).orElseThrow();
    }

    /** Frames matching {@code rule} are lost from now on. */
    void drop(Predicate<Carried> rule) {
        this.dropping = rule;
    }

    void offline(Node node, boolean away) {
        if (away) {
            offline.add(node.id());
        } else {
            offline.remove(node.id());
        }
    }

    /** Hands {@code frame} to {@code to} as if {@code from} had sent it. */
    void inject(NodeId from, Node to, GroupFrame frame) {
        queue.add(new Carried(from, to.id(), frame));
        settle();
    }

    /** Carries frames until none is left; each through its wire form, as a peer would read it. */
    void settle() {
        while (!queue.isEmpty()) {
            Carried next = queue.poll();
            Node to = nodes.get(next.to());
            if (to == null || offline.contains(next.to()) || dropping.test(next)) {
                continue;
            }
            carried.add(next);
            to.machine.onFrame(next.from(), reread(next.frame()), now);
        }
    }

    private static GroupFrame reread(GroupFrame frame) {
        try {
            return GroupFrame.decode(frame.type(), frame.encode());
        } catch (WireException e) {
            throw new AssertionError("a frame the machines wrote does not read back: " + e.getMessage(), e);
        }
    }

    /** Moves time on by {@code millis}, ticking every machine every 250 ms as the engine does, carrying frames. */
    void advance(long millis) {
        advance(millis, ProtocolConstants.GROUP_TICK_MS);
    }

    /** Moves time on by {@code millis}, ticking every machine every {@code tickMillis} (coarse, for hours). */
    void advance(long millis, long tickMillis) {
        long end = now + millis;
        while (now < end) {
            long nextTick = (now / tickMillis + 1) * tickMillis;
            now = Math.min(end, nextTick);
            if (now == nextTick) {
                for (Node node : nodes.values()) {
                    if (!offline.contains(node.id())) {
                        node.machine.tick(now);
                    }
                }
            }
            settle();
        }
    }
}
