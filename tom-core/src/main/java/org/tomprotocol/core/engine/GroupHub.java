package org.tomprotocol.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;

/**
 * The hub's side of one group for one hub epoch (docs/groups.md §2, §6): it checks each member's statement — a post
 * or keys from a member, a membership change within its author's authority — orders it once, fans it out to every
 * member, and follows each member's cumulative acknowledgement, sending again from where a member stands until it
 * has everything (1 s, doubling to 30 s for a member that is away; at once when a member reports a gap). A newcomer
 * gets the membership history and its first place; a member that leaves or is removed gets the statement that ended
 * its membership, then nothing. Pure; agent thread only.
 */
final class GroupHub implements MessageHolder {
    static final long RETRY_MS = 1_000;
    static final long MAX_RETRY_MS = 30_000;
    /** Entries in one stream frame, at most: a frame of 16 KiB posts stays far below the envelope's 256 KiB. */
    static final int ENTRIES_PER_FRAME = 8;
    /** Entries sent again to one member at once, at most; the rest follows its acknowledgement. */
    static final int RESEND_MAX = 256;
    /**
     * A member reports a gap with every frame that lands beyond it: answering each with everything again would
     * flood it (and the hub) while the first answer is on its way.
     */
    static final long GAP_RESEND_MS = 250;

    /** Where a member stands: the next place it expects, and when to send again from there. */
    private static final class Cursor {
        long next;
        long retryAt;
        long backoff = RETRY_MS;
        /** Whether the member follows this hub's epoch (it acknowledged in it); else it is sent the claim. */
        boolean confirmed = true;
        /** When a gap report last made the hub send everything again: at most once per {@link #GAP_RESEND_MS}. */
        long gapSentAt = Long.MIN_VALUE / 2;

        Cursor(long next) {
            this.next = next;
        }
    }

    private final GroupState state;
    private final GroupHubLog log;
    private final GroupEffects effects;
    private final Map<NodeId, Cursor> cursors = new HashMap<>();
    /** The claim that made this node hub, sent to each member until it follows; null for the founding epoch. */
    private GroupFrame.HubClaim claim;

    GroupHub(GroupState state, long epoch, GroupEffects effects) {
        this.state = state;
        this.log = new GroupHubLog(epoch, state.membership());
        this.effects = effects;
        for (NodeId member : state.membership().members().keySet()) {
            if (!member.equals(state.local())) {
                cursors.put(member, new Cursor(1));
            }
        }
    }

    long epoch() {
        return log.epoch();
    }

    /** This node took the group over with {@code claim}: every member is told, until it follows. */
    void announce(GroupFrame.HubClaim claim, long now) {
        this.claim = claim;
        for (Map.Entry<NodeId, Cursor> entry : cursors.entrySet()) {
            entry.getValue().confirmed = false;
            entry.getValue().retryAt = now + RETRY_MS;
            effects.sendGroupFrame(entry.getKey(), claim);
        }
    }

    /**
     * Orders {@code item}, from its author, if it is authentic and within its author's rights; a statement ordered
     * before keeps its place and is sent to its author again.
     *
     * @return the new entry to hand to this node's own member side, or {@code null}
     */
    GroupHubLog.Ordered order(SignedGroupStatement item, long now) {
        GroupStatement statement = item.statement();
        NodeId author = statement.author();
        MessageId id = item.itemId();
        GroupHubLog.Ordered earlier = log.placed(author, id);
        if (earlier != null) {
            effects.count("group-resubmitted");
            if (statement instanceof GroupStatement.Join) {
                welcome(author, earlier);
            } else if (!author.equals(state.local())) {
                send(author, List.of(earlier));
            }
            return null;
        }
        boolean known = !(statement instanceof GroupStatement.Post) && !(statement instanceof GroupStatement.SenderKeys)
                && state.inHistory(id);
        String refusal = known ? null : refusal(item, now);
        if (refusal != null) {
            effects.count("rejected.group-" + refusal);
            return null;
        }
        GroupHubLog.Ordering ordering = statement instanceof GroupStatement.Post
                || statement instanceof GroupStatement.SenderKeys
                || statement instanceof GroupStatement.Succession
                ? log.order(author, id, item, now) : log.orderAccepted(author, id, item, now);
        if (ordering instanceof GroupHubLog.Ordering.Refused refused) {
            effects.count("rejected.group-" + refused.reason());
            return null;
        }
        GroupHubLog.Ordered ordered = ((GroupHubLog.Ordering.Placed) ordering).message();
        effects.count("group-ordered");
        fanOut(ordered, now);
        return ordered;
    }

    /** Why the hub will not order {@code item}; {@code null} if it will (a change is applied to the membership). */
    private String refusal(SignedGroupStatement item, long now) {
        GroupStatement statement = item.statement();
        if (!statement.group().equals(state.group())) {
            return "other-group";
        }
        return switch (statement) {
            case GroupStatement.Post ignored -> item.isAuthentic(state.crypto()) ? null : "forged-statement";
            case GroupStatement.SenderKeys ignored -> item.isAuthentic(state.crypto()) ? null : "forged-statement";
            case GroupStatement.Succession succession -> succession.hub().equals(state.local())
                    && succession.epoch() == log.epoch() ? null : "not-orderable";
            case GroupStatement.Claim ignored -> "not-orderable";
            case GroupStatement.Create ignored -> "not-orderable";
            case GroupStatement.Invite ignored -> "not-orderable";
            case GroupStatement.Receipt ignored -> "not-orderable";
            default -> {
                GroupMembership.Verdict verdict = state.membership().apply(item, now);
                yield verdict.accepted() ? null : verdict.rejectedBecause();
            }
        };
    }

    private void fanOut(GroupHubLog.Ordered ordered, long now) {
        GroupStatement statement = ordered.item().statement();
        if ((statement instanceof GroupStatement.Join || statement instanceof GroupStatement.Leave
                || statement instanceof GroupStatement.Remove || statement instanceof GroupStatement.SetRole)
                && !state.inHistory(ordered.id())) {
            state.recordChange(ordered);
        }
        NodeId departed = switch (statement) {
            case GroupStatement.Leave leave -> leave.member();
            case GroupStatement.Remove remove -> remove.member();
            default -> null;
        };
        if (departed != null && cursors.remove(departed) != null) {
            send(departed, List.of(ordered));
        }
        // live: to every member, even one behind (it holds the entry behind its gap and asks for what it lacks)
        for (Map.Entry<NodeId, Cursor> entry : cursors.entrySet()) {
            Cursor cursor = entry.getValue();
            // to members that do not follow this epoch yet too: they take it once they follow
            send(entry.getKey(), List.of(ordered));
            if (cursor.retryAt <= now) {
                cursor.retryAt = now + cursor.backoff;
            }
        }
        if (statement instanceof GroupStatement.Join join && !cursors.containsKey(join.author())) {
            cursors.put(join.author(), new Cursor(ordered.seq() + 1));
            welcome(join.author(), ordered);
        }
    }

    private void welcome(NodeId newcomer, GroupHubLog.Ordered join) {
        effects.sendGroupFrame(newcomer, new GroupFrame.Welcome(state.group(), state.local(), log.epoch(),
                state.historyUpTo(join.seq()), join.seq() + 1));
    }

    /** A member's cumulative acknowledgement; with {@code gap}, what follows is sent at once. */
    void acknowledged(NodeId member, long nextSeq, boolean gap, long now) {
        Cursor cursor = cursors.get(member);
        if (cursor == null) {
            effects.count("rejected.group-ack-from-non-member");
            return;
        }
        long next = Math.min(nextSeq, log.lastSeq() + 1);
        boolean joined = !cursor.confirmed;
        cursor.confirmed = true;
        if (next > cursor.next) {
            cursor.next = next;
            cursor.backoff = RETRY_MS;
            cursor.retryAt = now + RETRY_MS;
        }
        if (joined || (gap && now - cursor.gapSentAt >= GAP_RESEND_MS)) {
            // a member now following this epoch, a gap, or the shadow's probe (answered even when empty)
            cursor.gapSentAt = now;
            if (!sendAll(member, cursor)) {
                send(member, List.of());
            }
        }
    }

    /** Sends again to every member that lacks something and whose time has come. */
    void tick(long now) {
        for (Map.Entry<NodeId, Cursor> entry : cursors.entrySet()) {
            Cursor cursor = entry.getValue();
            if (!cursor.confirmed && now >= cursor.retryAt) {
                effects.sendGroupFrame(entry.getKey(), claim);
                cursor.retryAt = now + cursor.backoff;
                cursor.backoff = Math.min(cursor.backoff * 2, MAX_RETRY_MS);
            } else if (cursor.confirmed && cursor.next <= log.lastSeq() && now >= cursor.retryAt) {
                sendFrom(entry.getKey(), cursor, now);
            }
        }
    }

    private void sendFrom(NodeId member, Cursor cursor, long now) {
        sendAll(member, cursor);
        cursor.retryAt = now + cursor.backoff;
        cursor.backoff = Math.min(cursor.backoff * 2, MAX_RETRY_MS);
    }

    /**
     * Sends {@code member} what it lacks, in frames of {@link #ENTRIES_PER_FRAME}, at most {@link #RESEND_MAX}
     * entries at once; returns whether there was anything.
     */
    private boolean sendAll(NodeId member, Cursor cursor) {
        List<GroupHubLog.Ordered> lacking = log.since(cursor.next - 1, RESEND_MAX);
        for (int from = 0; from < lacking.size(); from += ENTRIES_PER_FRAME) {
            effects.count("group-resent");
            send(member, lacking.subList(from, Math.min(lacking.size(), from + ENTRIES_PER_FRAME)));
        }
        return !lacking.isEmpty();
    }

    private void send(NodeId member, List<GroupHubLog.Ordered> entries) {
        List<GroupFrame.Ordered> frames = entries.stream()
                .map(entry -> new GroupFrame.Ordered(entry.seq(), entry.orderedAt(), entry.item())).toList();
        effects.sendGroupFrame(member, new GroupFrame.Stream(state.group(), log.epoch(), log.firstKept(),
                log.lastSeq(), frames));
    }

    @Override
    public int messagesHeld() {
        return log.messagesHeld();
    }

    void purge(long now) {
        log.purge(now);
    }
}
