package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.SignedGroupStatement;

/**
 * What the hub of one group keeps for one hub epoch (docs/groups.md §2, §6): it orders each member's message once —
 * {@code (epoch, seq)}, seq from 1 — so a member that sends again what it is not sure was ordered (after a failover)
 * gets the same place, never a second one; it keeps the ordered messages 24 hours (lock 2) and at most
 * {@link #MAX_KEPT} of them, for members that were away and ask what followed a sequence number. Pure: time is passed
 * in; one thread.
 */
public final class GroupHubLog implements MessageHolder {
    /** How long an ordered message is kept for members that were away (lock 2). */
    public static final long KEPT_FOR_MS = ProtocolConstants.MAX_AGE_MS;
    /** Past this many, the oldest ordered messages go first. */
    public static final int MAX_KEPT = 10_000;

    /** A message in its place. */
    public record Ordered(long epoch, long seq, NodeId sender, MessageId id, SignedGroupStatement item,
                          long orderedAt) {
    }

    /** The outcome of asking to order a message. */
    public sealed interface Ordering {
        /** Ordered now, or earlier ({@code again}: a resend, which keeps its first place). */
        record Placed(Ordered message, boolean again) implements Ordering {
        }

        /** Refused: the sender is not a member, counted as {@code rejected.group-<reason>}. */
        record Refused(String reason) implements Ordering {
        }
    }

    private record Key(NodeId sender, MessageId id) {
    }

    private final long epoch;
    private final GroupMembership membership;
    private final NavigableMap<Long, Ordered> kept = new TreeMap<>();
    private final Map<Key, Ordered> bySender = new HashMap<>();
    private long lastSeq;

    public GroupHubLog(long epoch, GroupMembership membership) {
        this(epoch, membership, 1);
    }

    /** A log whose next place is {@code firstSeq} (a hub alone in its group, going on after a restart). */
    public GroupHubLog(long epoch, GroupMembership membership, long firstSeq) {
        this.epoch = epoch;
        this.membership = membership;
        this.lastSeq = firstSeq - 1;
    }

    public long epoch() {
        return epoch;
    }

    /** The last sequence number given in this epoch. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Orders {@code item}, sent by {@code sender} as {@code id}, at {@code now}, if the sender is a member. */
    public Ordering order(NodeId sender, MessageId id, SignedGroupStatement item, long now) {
        Ordered earlier = placed(sender, id);
        if (earlier == null && !membership.members().containsKey(sender)) {
            return new Ordering.Refused("not-a-member");
        }
        return orderAccepted(sender, id, item, now);
    }

    /** Where {@code sender}'s {@code id} was ordered, if it was and is still kept. */
    public Ordered placed(NodeId sender, MessageId id) {
        return bySender.get(new Key(sender, id));
    }

    /**
     * Orders a membership change the hub's membership has just accepted (its author may no longer be a member: a
     * leave), or gives its earlier place.
     */
    public Ordering orderAccepted(NodeId sender, MessageId id, SignedGroupStatement item, long now) {
        Key key = new Key(sender, id);
        Ordered earlier = bySender.get(key);
        if (earlier != null) {
            return new Ordering.Placed(earlier, true);
        }
        Ordered ordered = new Ordered(epoch, ++lastSeq, sender, id, item, now);
        kept.put(ordered.seq(), ordered);
        bySender.put(key, ordered);
        if (kept.size() > MAX_KEPT) {
            forget(kept.firstEntry().getValue());
        }
        return new Ordering.Placed(ordered, false);
    }

    /** What followed {@code seq}, in order, at most {@code max}: a member's sync. */
    public List<Ordered> since(long seq, int max) {
        List<Ordered> after = new ArrayList<>();
        for (Ordered ordered : kept.tailMap(seq, false).values()) {
            if (after.size() == max) {
                break;
            }
            after.add(ordered);
        }
        return after;
    }

    /** The first sequence number still kept ({@code lastSeq + 1} when none is): a sync from before it has a gap. */
    public long firstKept() {
        return kept.isEmpty() ? lastSeq + 1 : kept.firstKey();
    }

    @Override
    public int messagesHeld() {
        return kept.size();
    }

    /** Forgets what was ordered 24 hours ago or more. */
    public void purge(long now) {
        while (!kept.isEmpty() && now - kept.firstEntry().getValue().orderedAt() >= KEPT_FOR_MS) {
            forget(kept.firstEntry().getValue());
        }
    }

    private void forget(Ordered ordered) {
        kept.remove(ordered.seq());
        bySender.remove(new Key(ordered.sender(), ordered.id()));
    }
}
