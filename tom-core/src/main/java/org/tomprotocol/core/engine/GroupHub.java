package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;

/**
 * The hub's side of one group for one hub epoch (docs/groups.md §2, §6): it checks each member's statement — a post
 * or keys from a member, a membership change within its author's authority — orders it once, fans it out to every
 * member, and follows each member's cumulative acknowledgement, sending again from where a member stands until it
 * has everything (1 s, doubling to 30 s for a member that is away; at once when a member reports a gap, but never
 * sooner than twice the member's round trip after the last time, see {@link GroupHubCursor}). What a turn sends
 * goes out at its end, {@link #flush}, entries to the same member sharing frames. A newcomer
 * gets the membership history and its first place; a member that leaves or is removed gets the statement that ended
 * its membership, then nothing. Pure; agent thread only.
 */
final class GroupHub implements MessageHolder {
    static final long RETRY_MS = 1_000;
    static final long MAX_RETRY_MS = 30_000;
    /** A member that answers nothing for this long is passed over as successor. */
    static final long SILENT_MS = 3_000;
    /** Entries in one stream frame, at most: a frame of 16 KiB posts stays far below the envelope's 256 KiB. */
    static final int ENTRIES_PER_FRAME = 8;
    /** Entries sent again to one member at once, at most; the rest follows its acknowledgement. */
    static final int RESEND_MAX = 256;

    private final GroupState state;
    private final GroupHubLog log;
    private final GroupEffects effects;
    private final Map<NodeId, GroupHubCursor> cursors = new HashMap<>();
    /**
     * What goes to each member at the end of this turn, by place: entries ordered in one turn (a takeover's replay, a
     * burst) share frames, and an entry both fanned out and sent again goes once.
     */
    private final Map<NodeId, NavigableMap<Long, GroupHubLog.Ordered>> outbox = new LinkedHashMap<>();
    /** Members owed a frame even with nothing in it (the answer to a probe): it proves the hub alive. */
    private final Set<NodeId> answerEvenEmpty = new HashSet<>();
    /** Members whose entries this turn include ones sent before: no round trip is timed on them. */
    private final Set<NodeId> resentThisTurn = new HashSet<>();
    /** This hub's own posts, by place, waiting for the shadow to acknowledge them before they count as accepted. */
    private final NavigableMap<Long, MessageId> ownAwaitingShadow = new TreeMap<>();
    /** The claim that made this node hub, sent to each member until it follows; null for the founding epoch. */
    private GroupFrame.HubClaim claim;

    GroupHub(GroupState state, long epoch, GroupEffects effects) {
        this.state = state;
        this.log = new GroupHubLog(epoch, state.membership(), state.nextSeq());
        this.effects = effects;
        for (NodeId member : state.membership().members().keySet()) {
            if (!member.equals(state.local())) {
                cursors.put(member, new GroupHubCursor(1));
            }
        }
    }

    long epoch() {
        return log.epoch();
    }

    /**
     * Whether {@code member} has left what it was sent unanswered for {@link #SILENT_MS}: it is no fit successor —
     * and while it is the shadow, this hub's own posts would wait for it forever.
     */
    boolean silent(NodeId member, long now) {
        GroupHubCursor cursor = cursors.get(member);
        return cursor != null && cursor.silentFor(now) >= SILENT_MS;
    }

    /** This node took the group over with {@code claim}: every member is told, until it follows. */
    void announce(GroupFrame.HubClaim claim, long now) {
        this.claim = claim;
        for (Map.Entry<NodeId, GroupHubCursor> entry : cursors.entrySet()) {
            entry.getValue().awaitConfirmation(now);
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
                && state.history().holds(id);
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
                && !state.history().holds(ordered.id())) {
            state.recordChange(ordered);
        }
        NodeId departed = GroupMembership.departing(statement);
        if (departed != null && cursors.remove(departed) != null) {
            send(departed, List.of(ordered));
        }
        // live: to every member, even one behind (it holds the entry behind its gap and asks for what it lacks), and
        // to members that do not follow this epoch yet too: the claim went first, they take it once they follow
        for (NodeId member : cursors.keySet()) {
            send(member, List.of(ordered));
        }
        if (statement instanceof GroupStatement.Join join && !cursors.containsKey(join.author())) {
            cursors.put(join.author(), new GroupHubCursor(ordered.seq() + 1));
            welcome(join.author(), ordered);
        }
    }

    private void welcome(NodeId newcomer, GroupHubLog.Ordered join) {
        effects.sendGroupFrame(newcomer, new GroupFrame.Welcome(state.group(), state.local(), log.epoch(),
                state.history().upTo(join.id()), join.seq() + 1));
    }

    /** A member's cumulative acknowledgement; with {@code gap}, what follows is sent at once. */
    void acknowledged(NodeId member, long nextSeq, boolean gap, long now) {
        GroupHubCursor cursor = cursors.get(member);
        if (cursor == null) {
            effects.count("rejected.group-ack-from-non-member");
            toldItLeft(member, nextSeq);
            return;
        }
        if (gap && nextSeq < cursor.next()) {
            // the member lost what it had acknowledged: it restarted from a state its store kept a moment earlier
            effects.count("group-member-rewound");
            cursor.rewind(nextSeq);
        }
        boolean joined = cursor.acknowledged(Math.min(nextSeq, log.lastSeq() + 1), now);
        if (member.equals(state.shadow())) {
            acceptWhatTheShadowHolds(now);
        }
        if ((joined || gap) && cursor.mayResendOnGap(now)) {
            // a member now following this epoch (unless the takeover's entries just went to it live), a gap, or the
            // shadow's probe (answered even when empty)
            if (!sendAll(member, cursor, now)) {
                answerEvenEmpty.add(member);
            }
        }
    }

    /**
     * This hub's own post at {@code seq}: accepted (its {@link GroupEvent.Accepted}) once its shadow holds it, at
     * once if there is no shadow.
     */
    void acceptOnceReplicated(long seq, MessageId id, long now) {
        ownAwaitingShadow.put(seq, id);
        acceptWhatTheShadowHolds(now);
    }

    /** Accepts this hub's own posts the shadow acknowledged; all of them if no shadow is named or it left. */
    private void acceptWhatTheShadowHolds(long now) {
        NodeId shadow = state.shadow();
        GroupHubCursor held = shadow == null ? null : cursors.get(shadow);
        acceptUpTo(held == null ? Long.MAX_VALUE : held.next(), now);
    }

    /**
     * This hub steps down: its own posts still waiting for the shadow count as accepted now, since this node sends
     * them again to the new hub with its other recent statements.
     */
    void steppedDown(long now) {
        acceptUpTo(Long.MAX_VALUE, now);
    }

    private void acceptUpTo(long nextSeq, long now) {
        NavigableMap<Long, MessageId> held = ownAwaitingShadow.headMap(nextSeq, false);
        for (MessageId id : held.values()) {
            effects.groupEvent(new GroupEvent.Accepted(new GroupId(state.group()), id, Instant.ofEpochMilli(now)));
        }
        held.clear();
    }

    /** Sends again to every member that lacks something and whose time has come. */
    void tick(long now) {
        if (!ownAwaitingShadow.isEmpty()) {
            // the shadow left, or none is named any more
            acceptWhatTheShadowHolds(now);
        }
        for (Map.Entry<NodeId, GroupHubCursor> entry : cursors.entrySet()) {
            GroupHubCursor cursor = entry.getValue();
            if (!cursor.confirmed() && cursor.due(now)) {
                // with the claims before it: a member that missed a failover (away, or restarted from its store)
                // takes them in turn, each warranted by the epoch before
                for (SignedGroupStatement earlier : state.claimsBefore(epoch())) {
                    effects.sendGroupFrame(entry.getKey(), new GroupFrame.HubClaim(state.group(), earlier));
                }
                effects.sendGroupFrame(entry.getKey(), claim);
                cursor.claimResent(now);
            } else if (cursor.confirmed() && cursor.next() <= log.lastSeq() && cursor.due(now)) {
                sendAll(entry.getKey(), cursor, now);
            }
        }
    }

    /**
     * A node that is no longer a member asks for the stream (it restarted from a store that predates its leaving or
     * removal): it is sent what it lacks up to the statement that ended its membership, which it then applies.
     */
    private void toldItLeft(NodeId former, long nextSeq) {
        List<GroupHubLog.Ordered> lacking = log.since(nextSeq - 1, RESEND_MAX);
        for (int i = 0; i < lacking.size(); i++) {
            if (former.equals(GroupMembership.departing(lacking.get(i).item().statement()))) {
                send(former, lacking.subList(0, i + 1));
                return;
            }
        }
    }

    /**
     * Sends {@code member} again what it lacks, at most {@link #RESEND_MAX} entries at once; returns whether there
     * was anything.
     */
    private boolean sendAll(NodeId member, GroupHubCursor cursor, long now) {
        List<GroupHubLog.Ordered> lacking = log.since(cursor.next() - 1, RESEND_MAX);
        cursor.resent(now);
        if (lacking.isEmpty()) {
            return false;
        }
        effects.count("group-resent");
        resentThisTurn.add(member);
        send(member, lacking);
        return true;
    }

    private void send(NodeId member, List<GroupHubLog.Ordered> entries) {
        NavigableMap<Long, GroupHubLog.Ordered> queued = outbox.computeIfAbsent(member, key -> new TreeMap<>());
        entries.forEach(entry -> queued.put(entry.seq(), entry));
    }

    /**
     * Ends the turn: what each member is owed goes out in frames of {@link #ENTRIES_PER_FRAME}, the successors first
     * (the shadow should hold whatever any member holds, should this hub die now).
     */
    void flush(long now) {
        List<NodeId> successors = state.successors();
        List<NodeId> order = new ArrayList<>(successors);
        outbox.keySet().stream().filter(member -> !successors.contains(member)).forEach(order::add);
        answerEvenEmpty.stream().filter(member -> !order.contains(member)).forEach(order::add);
        for (NodeId member : order) {
            NavigableMap<Long, GroupHubLog.Ordered> queued = outbox.get(member);
            if (queued == null || queued.isEmpty()) {
                if (answerEvenEmpty.contains(member)) {
                    frame(member, List.of());
                }
                continue;
            }
            List<GroupHubLog.Ordered> entries = new ArrayList<>(queued.values());
            for (int from = 0; from < entries.size(); from += ENTRIES_PER_FRAME) {
                frame(member, entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_FRAME)));
            }
            GroupHubCursor cursor = cursors.get(member);
            if (cursor != null && !cursor.confirmed()) {
                cursor.sentBeforeConfirmation(now);
            } else if (cursor != null && !resentThisTurn.contains(member)) {
                cursor.sentLive(queued.lastKey(), now);
            }
        }
        outbox.clear();
        answerEvenEmpty.clear();
        resentThisTurn.clear();
    }

    private void frame(NodeId member, List<GroupHubLog.Ordered> entries) {
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
