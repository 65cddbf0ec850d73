package org.tomprotocol.core.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Function;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.GroupMember;
import org.tomprotocol.api.GroupRole;
import org.tomprotocol.api.Groups;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.GroupsMachine;

/**
 * The application's handle on the node's groups: each command runs on the agent thread (the engine's
 * {@link GroupsMachine}), and its future completes on the node's event executor when the outcome it waits for comes
 * as a group event — the hub's welcome, its ordering of a message or change. Queries read the snapshot the engine
 * published last. A future can wait as long as the hub is away (a statement is sent again for 24 hours): callers
 * that cannot wait put their own timeout on it.
 */
final class EngineGroups implements Groups {
    private static final int BUFFER = 16_384;

    private final NodeAgent agent;
    private final org.tomprotocol.core.engine.NodeEngine engine;
    private final Executor callbacks;
    private final Metrics metrics;
    private final MessageIds ids;
    private final SubmissionPublisher<GroupEvent> events;
    /** Futures waiting for an event, by what they wait for ({@link #key}). */
    private final Map<String, List<CompletableFuture<Object>>> waiting = new ConcurrentHashMap<>();
    private volatile List<GroupInfo> groups = List.of();
    private volatile List<GroupInvite> invites = List.of();

    EngineGroups(NodeAgent agent, org.tomprotocol.core.engine.NodeEngine engine, Executor callbacks, Metrics metrics,
                 MessageIds ids) {
        this.ids = ids;
        this.agent = agent;
        this.engine = engine;
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.events = new SubmissionPublisher<>(callbacks, BUFFER);
    }

    private static String key(String kind, GroupId group, Object detail) {
        return kind + "/" + group.value() + "/" + detail;
    }

    /** Runs {@code command} on the agent; the future fails with the command's own message if it refuses. */
    private <T> CompletableFuture<T> command(GroupId group, Function<GroupsMachine, T> command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        agent.offerControl(() -> {
            try {
                T value = engine.groupCommand(group, agent.now(), command);
                callbacks.execute(() -> result.complete(value));
            } catch (IllegalArgumentException | IllegalStateException e) {
                callbacks.execute(() -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    /** Runs {@code command} on the agent and completes when the event named {@code key} comes. */
    @SuppressWarnings("unchecked")
    private <T> CompletionStage<T> awaiting(String key, GroupId group, Function<GroupsMachine, ?> command) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        waiting.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(outcome);
        command(group, command).whenComplete((ignored, error) -> {
            if (error != null) {
                waiting.getOrDefault(key, List.of()).remove(outcome);
                outcome.completeExceptionally(error);
            }
        });
        return (CompletionStage<T>) (CompletionStage<?>) outcome;
    }

    @Override
    public CompletionStage<GroupInfo> create(String name, Collection<NodeId> invitees) {
        List<NodeId> inviting = List.copyOf(invitees);
        GroupId id = GroupId.random();
        return command(id, machine -> {
            GroupInfo info = machine.create(id, name, agent.now());
            for (NodeId invitee : inviting) {
                machine.invite(id, invitee, agent.now());
            }
            return info;
        });
    }

    @Override
    public CompletionStage<Void> invite(GroupId group, NodeId invitee) {
        return command(group, machine -> {
            machine.invite(group, invitee, agent.now());
            return null;
        });
    }

    @Override
    public List<GroupInvite> pendingInvites() {
        return invites;
    }

    @Override
    public CompletionStage<GroupInfo> accept(GroupId group) {
        return awaiting(key("joined", group, ""), group, machine -> {
            machine.accept(group, agent.now());
            return null;
        });
    }

    @Override
    public void decline(GroupId group) {
        agent.offerControl(() -> engine.groupCommand(group, agent.now(), machine -> {
            machine.decline(group);
            return null;
        }));
    }

    @Override
    public CompletionStage<Void> leave(GroupId group) {
        return awaiting(key("left", group, engine.local()), group, machine -> {
            machine.leave(group, agent.now());
            return null;
        });
    }

    @Override
    public CompletionStage<Void> remove(GroupId group, NodeId member) {
        return awaiting(key("left", group, member), group, machine -> {
            machine.remove(group, member, agent.now());
            return null;
        });
    }

    @Override
    public CompletionStage<Void> setRole(GroupId group, NodeId member, GroupRole role) {
        return awaiting(key("role", group, member + "/" + role), group, machine -> {
            machine.setRole(group, member, role == GroupRole.ADMIN, agent.now());
            return null;
        });
    }

    @Override
    public CompletionStage<MessageId> send(GroupId group, byte[] payload) {
        MessageId id = ids.get();
        byte[] body = payload.clone();
        return this.<Object>awaiting(key("accepted", group, id), group, machine -> {
            machine.send(group, id, body, agent.now());
            return null;
        }).thenApply(ignored -> id);
    }

    @Override
    public List<GroupInfo> groups() {
        return groups;
    }

    @Override
    public Optional<GroupInfo> group(GroupId group) {
        return groups.stream().filter(info -> info.id().equals(group)).findFirst();
    }

    @Override
    public Set<GroupMember> members(GroupId group) {
        return group(group).map(GroupInfo::members).orElseThrow(() ->
                new IllegalArgumentException("this node is not a member of " + group + "; see groups()"));
    }

    @Override
    public Flow.Publisher<GroupEvent> events() {
        return events;
    }

    /** An event from the engine, on the event executor: completes what waited for it, then goes to subscribers. */
    void onEvent(GroupEvent event) {
        String completed = switch (event) {
            case GroupEvent.Joined joined -> key("joined", joined.group(), "");
            case GroupEvent.MemberLeft left -> key("left", left.group(), left.member());
            case GroupEvent.RoleChanged role -> key("role", role.group(), role.member() + "/" + role.role());
            case GroupEvent.Accepted accepted -> key("accepted", accepted.group(), accepted.message());
            default -> null;
        };
        Object value = event instanceof GroupEvent.Joined joined ? joined.info() : null;
        List<CompletableFuture<Object>> futures = completed == null ? null : waiting.remove(completed);
        for (CompletableFuture<Object> future : futures == null ? List.<CompletableFuture<Object>>of() : futures) {
            future.complete(value);
        }
        if (!events.isClosed()) {
            events.offer(event, (subscriber, dropped) -> {
                metrics.increment("app-dropped");
                return false;
            });
        }
    }

    /** The engine's latest view of the node's groups and invitations. */
    void onChanged(List<GroupInfo> groups, List<GroupInvite> invites) {
        this.groups = List.copyOf(groups);
        this.invites = List.copyOf(new ArrayList<>(invites));
    }

    void close() {
        events.close();
    }
}
