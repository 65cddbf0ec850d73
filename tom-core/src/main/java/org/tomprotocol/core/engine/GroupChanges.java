package org.tomprotocol.core.engine;

import java.time.Instant;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupRole;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.spi.crypto.CryptoException;

/**
 * A member taking a membership change in its turn (docs/groups.md §3): applied (the hub applied it as it ordered
 * it), recorded in the history, announced to the application, and followed by the keys — a newcomer is granted this
 * member's chain, a departure makes a fresh one — and by the succession: the hub names its successors again, and the
 * shadow of a hub that left takes over at once. Agent thread only.
 */
final class GroupChanges {
    private final GroupState state;
    private final GroupMembership membership;
    private final GroupKeys keys;
    private final GroupFailover failover;
    private final GroupEffects effects;

    GroupChanges(GroupState state, GroupMembership membership, GroupKeys keys, GroupFailover failover,
                 GroupEffects effects) {
        this.state = state;
        this.membership = membership;
        this.keys = keys;
        this.failover = failover;
        this.effects = effects;
    }

    /** A change the hub ordered, in this member's turn; returns whether it ended this member's membership. */
    boolean apply(GroupHubLog.Ordered entry, long now) {
        GroupStatement statement = entry.item().statement();
        if (!state.isHub()) {
            if (entry.orderedAt() > now + GroupMembership.MAX_FUTURE_MS) {
                effects.count("rejected.group-future-statement");
                return false;
            }
            GroupMembership.Verdict verdict = membership.apply(entry.item(), entry.orderedAt());
            if (!verdict.accepted()) {
                effects.count("rejected.group-" + verdict.rejectedBecause());
                return false;
            }
            state.recordChange(entry);
        }
        GroupId id = new GroupId(state.group());
        Instant at = Instant.ofEpochMilli(now);
        boolean ended = false;
        switch (statement) {
            case GroupStatement.Join join -> joined(join.author(), id, now);
            case GroupStatement.Leave leave -> ended = departed(leave.member(), now);
            case GroupStatement.Remove remove -> ended = departed(remove.member(), now);
            case GroupStatement.SetRole role -> effects.groupEvent(new GroupEvent.RoleChanged(id, role.member(),
                    role.admin() ? GroupRole.ADMIN : GroupRole.MEMBER, at));
            default -> effects.count("rejected.group-not-orderable");
        }
        if (!ended && !(statement instanceof GroupStatement.SetRole)) {
            // after a join, always: the newcomer learns who succeeds the hub
            failover.nameSuccessors(now, statement instanceof GroupStatement.Join);
        }
        if (!ended && !state.isHub() && state.hub().equals(GroupMembership.departing(statement))) {
            // the hub left or was removed, on purpose: no silence to wait for
            failover.handOver(now);
        }
        return ended;
    }

    private void joined(NodeId newcomer, GroupId id, long now) {
        if (newcomer.equals(state.local())) {
            // its own join, ordered again by this node as the new hub: it joined long ago
            return;
        }
        effects.groupEvent(new GroupEvent.MemberJoined(id, state.info().members().stream()
                .filter(member -> member.id().equals(newcomer)).findFirst().orElseThrow(), Instant.ofEpochMilli(now)));
        if (!keys.needsRotation(now)) {
            try {
                state.submit(keys.grantCurrent(newcomer, now), now);
            } catch (CryptoException e) {
                effects.count("group-key-failed");
            }
        }
    }

    /** Returns whether the member that left is this one. */
    private boolean departed(NodeId member, long now) {
        effects.groupEvent(new GroupEvent.MemberLeft(new GroupId(state.group()), member, Instant.ofEpochMilli(now)));
        if (member.equals(state.local())) {
            return true;
        }
        keys.forget(member);
        // whoever left must read nothing sent from now on: a fresh chain for those who stay
        state.rotateKeys(now);
        return false;
    }
}
