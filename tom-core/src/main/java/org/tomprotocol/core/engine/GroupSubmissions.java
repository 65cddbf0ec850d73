package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.state.Backoff;

/**
 * A member's own statements the hub has not ordered back to it yet (docs/groups.md §6): sent to the hub, and again
 * (1 s, doubling to 30 s) until they come back in the stream; given up after 24 hours (lock 2). Agent thread only.
 */
final class GroupSubmissions implements MessageHolder {
    private static final class Pending {
        final SignedGroupStatement item;
        final long firstSentAt;
        final Backoff backoff = new Backoff(GroupHub.RETRY_MS, GroupHub.MAX_RETRY_MS);
        long retryAt;

        Pending(SignedGroupStatement item, long now) {
            this.item = item;
            this.firstSentAt = now;
            this.retryAt = now + backoff.next();
        }
    }

    private final String group;
    /** This node: a restarted hub follows itself, ordering nothing, until its successor claims — it sends itself nothing. */
    private final NodeId local;
    private final GroupEffects effects;
    private final Map<MessageId, Pending> pending = new LinkedHashMap<>();

    GroupSubmissions(String group, NodeId local, GroupEffects effects) {
        this.group = group;
        this.local = local;
        this.effects = effects;
    }

    /** Sends {@code item} to {@code hub} and keeps it until it is ordered. */
    void submit(SignedGroupStatement item, NodeId hub, long now) {
        pending.put(item.itemId(), new Pending(item, now));
        send(hub, item);
    }

    private void send(NodeId hub, SignedGroupStatement item) {
        if (!hub.equals(local)) {
            effects.sendGroupFrame(hub, new GroupFrame.Submit(group, item));
        }
    }

    /** The hub ordered the statement {@code id}: it is no longer sent. */
    void ordered(MessageId id) {
        pending.remove(id);
    }

    /** Takes out everything still waiting, oldest first (a new hub, which is this node, orders them itself). */
    List<SignedGroupStatement> drain() {
        List<SignedGroupStatement> items = new ArrayList<>();
        pending.values().forEach(waiting -> items.add(waiting.item));
        pending.clear();
        return items;
    }

    /** Sends everything still waiting to {@code hub} at once, each starting its backoff over (a new hub took over). */
    void resendAll(NodeId hub, long now) {
        for (Pending waiting : pending.values()) {
            waiting.backoff.reset();
            waiting.retryAt = now + waiting.backoff.next();
            send(hub, waiting.item);
        }
    }

    /** Sends again to {@code hub} what is due; a statement unordered for 24 hours is given up. */
    void tick(NodeId hub, long now) {
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending waiting = it.next();
            if (now - waiting.firstSentAt >= ProtocolConstants.MAX_AGE_MS) {
                it.remove();
                effects.count("group-submission-expired");
            } else if (now >= waiting.retryAt) {
                effects.count("group-resubmitted");
                send(hub, waiting.item);
                waiting.retryAt = now + waiting.backoff.next();
            }
        }
    }

    void clear() {
        pending.clear();
    }

    @Override
    public int messagesHeld() {
        return pending.size();
    }
}
