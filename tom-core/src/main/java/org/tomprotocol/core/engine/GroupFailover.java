package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * Hub failover for one group, wired and fenced (docs/groups.md §5): the hub names its shadow and candidate in a
 * signed succession, ordered in the stream; the shadow probes the hub and, after its silence, claims the next epoch
 * (the candidate the one after, if the shadow is silent too); every member checks the claim against the succession
 * its hub signed, follows the new hub and sends it again what it had not seen ordered, plus its own statements and
 * the deposed hub's posts it saw ordered lately; the new hub orders again what it saw lately, so a statement the old
 * hub ordered for some members only reaches the rest, and members drop what they already have. A deposed hub that
 * hears a valid claim steps down. Agent thread only.
 */
final class GroupFailover {
    /** How often the hub looks again at who should succeed it. */
    static final long REVIEW_MS = 10_000;
    /** How much more capable than a named successor another member must be to take its place. */
    static final double SUCCESSOR_MARGIN = 0.5;

    private final GroupState state;
    private final LocalIdentity identity;
    private final GroupEffects effects;
    private final GroupSuccession succession;
    /** Hubs this node saw deposed: never named again as shadow or candidate by this node. */
    private final Set<NodeId> deposed = new HashSet<>();
    private final MemberCapabilities capabilities;
    private long nextReview;

    GroupFailover(GroupState state, LocalIdentity identity, GroupEffects effects, GroupSuccession succession,
                  MemberCapabilities capabilities) {
        this.state = state;
        this.identity = identity;
        this.effects = effects;
        this.succession = succession;
        this.capabilities = capabilities;
    }

    /**
     * As hub: names the two most capable members as shadow and candidate (by {@link MemberCapabilities}, in join
     * order among equals), if that changed; ordered like any statement. A named successor keeps its place while it
     * is available and no other member is more capable by more than {@link #SUCCESSOR_MARGIN}: small changes in the
     * scores do not churn the succession. With {@code always}, the succession is ordered again even unchanged (a
     * newcomer learns it).
     */
    void nameSuccessors(long now, boolean always) {
        if (!state.isHub()) {
            return;
        }
        GroupStatement.Succession known = succession.current();
        List<NodeId> next = successors(known, now);
        if (known != null && known.next().equals(next) && !always) {
            return;
        }
        if (known == null && next.isEmpty()) {
            return;
        }
        long version = known == null ? 1 : known.version() + 1;
        state.submit(SignedGroupStatement.sign(new GroupStatement.Succession(state.group(), state.epoch(),
                identity.id(), next, version, now), identity), now);
    }

    /**
     * As hub, every {@link #REVIEW_MS}, and at once when the shadow falls silent: names other successors if a named
     * one went away or fell well behind.
     */
    void review(long now) {
        NodeId shadow = state.shadow();
        if (now >= nextReview || shadow != null && state.hubSide().silent(shadow, now)) {
            nextReview = now + REVIEW_MS;
            nameSuccessors(now, false);
        }
    }

    private List<NodeId> successors(GroupStatement.Succession known, long now) {
        // each eligible member's capability, in join order
        Map<NodeId, Double> eligible = new LinkedHashMap<>();
        for (NodeId member : state.membership().members().keySet()) {
            if (member.equals(identity.id()) || deposed.contains(member)) {
                continue;
            }
            double capability = capabilities.of(member, now);
            if (capability >= 0 && !state.hubSide().silent(member, now)) {
                eligible.put(member, capability);
            }
        }
        // a stable sort: join order among equals
        List<NodeId> ranked = new ArrayList<>(eligible.keySet());
        ranked.sort(Comparator.comparingDouble(eligible::get).reversed());
        List<NodeId> best = ranked.subList(0, Math.min(2, ranked.size()));
        if (known == null || known.epoch() != state.epoch() || !eligible.keySet().containsAll(known.next())
                || known.next().size() != best.size()) {
            return List.copyOf(best);
        }
        double weakestNamed = known.next().stream().mapToDouble(eligible::get).min().orElse(0);
        boolean outdone = ranked.stream().filter(member -> !known.next().contains(member))
                .anyMatch(member -> eligible.get(member) > weakestNamed + SUCCESSOR_MARGIN);
        return outdone ? List.copyOf(best) : known.next();
    }

    /** The shadow's and candidate's watch over the hub. */
    void tick(long now) {
        if (state.isHub()) {
            return;
        }
        switch (succession.due(now, state.epoch())) {
            case PROBE -> effects.sendGroupFrame(state.hub(),
                    new GroupFrame.StreamAck(state.group(), state.epoch(), state.nextSeq(), true));
            case CLAIM -> takeOver(now);
            case NOTHING -> {
            }
        }
    }

    /** The hub left the group, or was removed: its shadow takes over now, without waiting for its silence. */
    void handOver(long now) {
        if (!state.isHub() && succession.isShadow(state.epoch())) {
            effects.count("group-hub-handed-over");
            takeOver(now);
        }
    }

    private void takeOver(long now) {
        SignedGroupStatement claim = succession.claim(now);
        long epoch = succession.claimable();
        NodeId old = state.hub();
        deposed.add(old);
        effects.count("group-hub-claims");
        List<SignedGroupStatement> recent = new ArrayList<>(state.history().changesSince(now - GroupSuccession.RECENT_MS));
        // membership changes of the last 30 s first — this node's own join among them, which it got in its welcome,
        // not in the stream: a restarted hub that lost it learns it so — then the rest of the replica
        Set<MessageId> changes = new HashSet<>();
        recent.forEach(change -> changes.add(change.itemId()));
        succession.recent(now).stream().filter(item -> !changes.contains(item.itemId())).forEach(recent::add);
        succession.claimed(claim);
        state.becomeHub(epoch, new GroupFrame.HubClaim(state.group(), claim), now);
        succession.newEpoch(now);
        effects.groupEvent(new GroupEvent.HubChanged(new GroupId(state.group()), identity.id(), epoch,
                Instant.ofEpochMilli(now)));
        // the successors first: the first place of the epoch, so every member knows them before the replay
        nameSuccessors(now, true);
        for (SignedGroupStatement item : recent) {
            state.submit(item, now);
        }
        state.resendPending(now);
    }

    /**
     * Whether the claimant may lead this group as this member knows it: a member may; a node that left or was removed
     * may not; one this member never saw join only on a warrant the hub it follows signed for its current epoch (a hub
     * restarted from a store that missed the join of the newcomer it then named its shadow) — never on an older one,
     * which a deposed hub could sign for anyone.
     */
    private boolean mayLead(SignedGroupStatement claim) {
        NodeId claimant = claim.statement().author();
        if (state.membership().members().containsKey(claimant)) {
            return true;
        }
        if (state.history().departed(claimant)
                || !(claim.statement() instanceof GroupStatement.Claim made)
                || !(made.succession().statement() instanceof GroupStatement.Succession warrant)) {
            return false;
        }
        return warrant.hub().equals(state.hub()) && warrant.epoch() == state.epoch();
    }

    /** Tells the hub this member follows its epoch, and asks for its stream from the start. */
    private void confirm(long now) {
        effects.sendGroupFrame(state.hub(), new GroupFrame.StreamAck(state.group(), state.epoch(), state.nextSeq(),
                true));
    }

    /**
     * A claim, from its claimant or passed on by a hub that stepped down (its claimant's signature is what counts):
     * followed if a succession this member took warrants it.
     */
    void onClaim(NodeId from, SignedGroupStatement claim, long now) {
        if (from.equals(state.hub()) && claim.statement() instanceof GroupStatement.Claim again
                && again.epoch() == state.epoch()) {
            // the claim this member follows, sent again: its acknowledgement was lost
            confirm(now);
            return;
        }
        if (succession.followedAlready(claim)) {
            // an earlier claim of a chain a hub sends a member that missed some: this one is followed already
            return;
        }
        if (!mayLead(claim)) {
            effects.count("rejected.group-claim-from-non-member");
            return;
        }
        String problem = succession.problem(claim, state.hub(), state.epoch());
        if (problem != null) {
            effects.count("rejected.group-" + problem);
            return;
        }
        long epoch = ((GroupStatement.Claim) claim.statement()).epoch();
        NodeId claimant = claim.statement().author();
        if (state.isHub()) {
            // the members that followed this hub learn of the newer epoch from it
            effects.count("group-hub-stepped-down");
            for (NodeId member : state.membership().members().keySet()) {
                if (!member.equals(identity.id()) && !member.equals(claimant)) {
                    effects.sendGroupFrame(member, new GroupFrame.HubClaim(state.group(), claim));
                }
            }
        }
        NodeId old = state.hub();
        deposed.add(old);
        // its own, and the deposed hub's posts: a hub that dies while fanning out its own post leaves it with some
        // members only, and no author alive to send it again
        List<SignedGroupStatement> again = succession.recent(now).stream()
                .filter(item -> item.statement().author().equals(identity.id())
                        || item.statement().author().equals(old) && item.statement() instanceof GroupStatement.Post)
                .toList();
        state.follow(claimant, epoch, now);
        succession.claimed(claim);
        succession.newEpoch(now);
        confirm(now);
        effects.groupEvent(new GroupEvent.HubChanged(new GroupId(state.group()), claimant, epoch,
                Instant.ofEpochMilli(now)));
        for (SignedGroupStatement item : again) {
            state.submit(item, now);
        }
        state.resendPending(now);
    }
}
