package org.tomprotocol.cli.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.extension.Subscriptions;

/**
 * The group side of {@code tom chat}: {@code /group create NAME}, {@code /invite N}, {@code /join},
 * {@code /groups}, {@code /to #NAME}, {@code /members}, {@code /leave}; lines go to the chosen group while one is
 * chosen; a post is marked {@code ✓} when the hub accepted it and {@code ✓✓ k/n} as members' receipts come.
 */
final class GroupChat {
    private final TomNode node;
    private final Consumer<String> say;
    private final Function<String, Optional<NodeId>> peerNamed;
    private final Function<NodeId, String> label;
    private final AtomicInteger sentCount = new AtomicInteger();
    /** This node's posts: their line number, and how many members have them. */
    private final Map<MessageId, int[]> posts = new ConcurrentHashMap<>();
    /**
     * Receipts that came before their post's send completed (a hub's own post completes once its shadow holds it,
     * and another member's receipt can be quicker): counted when it completes.
     */
    private final Map<MessageId, Integer> earlyReceipts = new ConcurrentHashMap<>();
    private volatile GroupId selected;

    GroupChat(TomNode node, Consumer<String> say, Function<String, Optional<NodeId>> peerNamed,
              Function<NodeId, String> label) {
        this.node = node;
        this.say = say;
        this.peerNamed = peerNamed;
        this.label = label;
        Subscriptions.listen(node.groups().events(), this::shown);
    }

    static String help() {
        return "groups: /group create NAME, /invite N, /join, /groups, /to #NAME, /members, /leave";
    }

    /** Whether a group is chosen: plain lines then go to it. */
    boolean chosen() {
        return selected != null;
    }

    /** Forgets the chosen group (a peer was chosen instead). */
    void unchoose() {
        selected = null;
    }

    /** Handles {@code input} if it is a group command; returns whether it was one. */
    boolean handle(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.equals("/group create") || lower.startsWith("/group create ")) {
            create(input.substring("/group create".length()).strip());
        } else if (lower.startsWith("/invite ")) {
            invite(input.substring("/invite ".length()).strip());
        } else if (lower.equals("/join")) {
            join();
        } else if (lower.equals("/groups")) {
            list();
        } else if (lower.startsWith("/to #")) {
            choose(input.substring("/to #".length()).strip());
        } else if (lower.equals("/members")) {
            members();
        } else if (lower.equals("/leave")) {
            leave();
        } else {
            return false;
        }
        return true;
    }

    private void create(String name) {
        if (name.isEmpty()) {
            say.accept("name the group: /group create NAME");
            return;
        }
        outcome(node.groups().create(name, List.of()), info -> {
            selected = info.id();
            say.accept("created #" + info.name() + "; you are its hub — /invite N adds a peer");
        });
    }

    private void invite(String which) {
        GroupId group = selected;
        Optional<NodeId> peer = peerNamed.apply(which);
        if (group == null) {
            say.accept("choose a group first: /groups, then /to #NAME");
        } else if (peer.isEmpty()) {
            say.accept("no peer " + which + " — /peers lists them");
        } else {
            outcome(node.groups().invite(group, peer.get()),
                    ignored -> say.accept("invited " + label.apply(peer.get())));
        }
    }

    private void join() {
        List<GroupInvite> invites = node.groups().pendingInvites();
        if (invites.isEmpty()) {
            say.accept("no invitation is waiting");
        }
        for (GroupInvite invite : invites) {
            say.accept("joining #" + invite.name() + "…");
            outcome(node.groups().accept(invite.group()), info -> selected = info.id());
        }
    }

    private void list() {
        List<GroupInfo> groups = node.groups().groups();
        if (groups.isEmpty()) {
            say.accept("no groups yet — /group create NAME, or /join an invitation");
        }
        for (GroupInfo info : groups) {
            say.accept("#" + info.name() + "  " + info.members().size() + " members, hub " + label.apply(info.hub())
                    + (info.id().equals(selected) ? "  (chosen)" : ""));
        }
    }

    private void choose(String name) {
        Optional<GroupInfo> group = node.groups().groups().stream()
                .filter(info -> info.name().equalsIgnoreCase(name)).findFirst();
        if (group.isEmpty()) {
            say.accept("no group #" + name + " — /groups lists them");
            return;
        }
        selected = group.get().id();
        say.accept("talking to #" + group.get().name());
    }

    private void members() {
        Optional<GroupInfo> group = chosenGroup();
        group.ifPresent(info -> info.members().forEach(member -> say.accept(label.apply(member.id()) + "  "
                + member.role().name().toLowerCase(Locale.ROOT) + (member.id().equals(info.hub()) ? ", hub" : ""))));
    }

    private void leave() {
        Optional<GroupInfo> group = chosenGroup();
        group.ifPresent(info -> outcome(node.groups().leave(info.id()), ignored -> {
            selected = null;
            say.accept("left #" + info.name());
        }));
    }

    private Optional<GroupInfo> chosenGroup() {
        GroupId group = selected;
        Optional<GroupInfo> info = group == null ? Optional.empty() : node.groups().group(group);
        if (info.isEmpty()) {
            say.accept("choose a group first: /groups, then /to #NAME");
        }
        return info;
    }

    /** Posts a line to the chosen group. */
    void send(String text) {
        Optional<GroupInfo> group = chosenGroup();
        if (group.isEmpty()) {
            return;
        }
        int number = sentCount.incrementAndGet();
        say.accept("#" + number + " → #" + group.get().name() + ": " + text);
        outcome(node.groups().send(group.get().id(), text.getBytes(StandardCharsets.UTF_8)), id -> {
            int[] post = {number, 0};
            posts.put(id, post);
            say.accept("#" + number + " ✓ ordered by the hub");
            Integer early = earlyReceipts.remove(id);
            for (int i = 0; early != null && i < early; i++) {
                receipted(post, group.get().id());
            }
        });
    }

    /** One more member's receipt for {@code post} ({@code [number, receipts]}). */
    private void receipted(int[] post, GroupId group) {
        int others = node.groups().group(group).map(info -> info.members().size() - 1).orElse(0);
        say.accept("#" + post[0] + " ✓✓ " + (++post[1]) + "/" + others);
    }

    private <T> void outcome(CompletionStage<T> stage, Consumer<T> done) {
        stage.whenComplete((value, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                say.accept("not done: " + cause.getMessage());
            } else {
                done.accept(value);
            }
        });
    }

    private String name(GroupId group) {
        return node.groups().group(group).map(info -> "#" + info.name()).orElse(group.value());
    }

    private void shown(GroupEvent event) {
        switch (event) {
            case GroupEvent.Invited invited -> say.accept("invited to #" + invited.invite().name() + " by "
                    + label.apply(invited.invite().inviter()) + " — /join to accept");
            case GroupEvent.Joined joined -> say.accept("joined #" + joined.info().name() + " ("
                    + joined.info().members().size() + " members, hub " + label.apply(joined.info().hub()) + ")");
            case GroupEvent.MemberJoined joined -> say.accept(label.apply(joined.member().id()) + " joined "
                    + name(joined.group()));
            case GroupEvent.MemberLeft left -> say.accept(label.apply(left.member()) + " left " + name(left.group()));
            case GroupEvent.HubChanged changed -> say.accept(name(changed.group()) + " is now relayed by "
                    + label.apply(changed.newHub()));
            case GroupEvent.RoleChanged role -> say.accept(label.apply(role.member()) + " is now "
                    + role.role().name().toLowerCase(Locale.ROOT) + " of " + name(role.group()));
            case GroupEvent.MessageReceived received -> say.accept("[" + name(received.group()) + " "
                    + label.apply(received.message().sender()) + "] "
                    + new String(received.message().payload(), StandardCharsets.UTF_8));
            case GroupEvent.Delivered delivered -> {
                int[] post = posts.get(delivered.message());
                if (post != null) {
                    receipted(post, delivered.group());
                } else {
                    earlyReceipts.merge(delivered.message(), 1, Integer::sum);
                }
            }
            case GroupEvent.Accepted ignored -> {
                // the send's own completion says it
            }
        }
    }
}
