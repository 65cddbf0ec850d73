package org.tomprotocol.core.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * A member's side of hub failover (docs/groups.md §5): the succession its hub signed for the current epoch, when it
 * last heard from that hub, and the statements ordered lately (its replica of the hub's recent work, sent again to a
 * new hub so that nothing ordered is lost). The shadow probes the hub every {@link #PROBE_MS} and claims the next
 * epoch after {@link #SHADOW_WAIT_MS} of silence; the candidate claims the one after that past
 * {@link #CANDIDATE_WAIT_MS}. A claim is taken only from the node the current hub named for that epoch, with the
 * hub's own signature on the succession: an epoch never has two hubs. Pure; agent thread only.
 */
final class GroupSuccession implements MessageHolder {
    static final long PROBE_MS = 500;
    static final long SHADOW_WAIT_MS = 1_500;
    static final long CANDIDATE_WAIT_MS = 2_500;
    static final long RESTARTED_CLAIM_WAIT_MS = 2 * GroupHub.MAX_RETRY_MS;
    /** Successions of past epochs kept, to check a claim made on one (a candidate that missed the shadow's claim). */
    private static final int EPOCHS_KEPT = 8;
    /** How long ordered statements are kept to be ordered again by a new hub (members drop what they have). */
    static final long RECENT_MS = 30_000;
    private static final int RECENT_MAX = 2_000;

    /** What the member should do now. */
    enum Due { NOTHING, PROBE, CLAIM }

    private record Recent(long at, SignedGroupStatement item) {
    }

    private final LocalIdentity identity;
    private final CryptoSuite crypto;
    private SignedGroupStatement succession;
    /** The successions this member took, by epoch: what later claims are checked against. */
    private final java.util.TreeMap<Long, SignedGroupStatement> taken = new java.util.TreeMap<>();
    /** The hub this member followed in each recent epoch: a succession it signed warrants a claim. */
    private final java.util.TreeMap<Long, NodeId> followed = new java.util.TreeMap<>();
    /** The claims that made the hubs of recent epochs, as this member followed or made them, by epoch. */
    private final java.util.TreeMap<Long, SignedGroupStatement> claims = new java.util.TreeMap<>();
    private long lastHeard;
    private long lastProbe;
    /** A member restarted from its store claims nothing before this: a live hub, or a newer one, reaches it first. */
    private long mayClaimFrom = Long.MIN_VALUE;
    private final Deque<Recent> recent = new ArrayDeque<>();

    GroupSuccession(LocalIdentity identity, CryptoSuite crypto, long now) {
        this.identity = identity;
        this.crypto = crypto;
        this.lastHeard = now;
    }

    /** The hub gave a sign of life. */
    void heardFromHub(long now) {
        lastHeard = Math.max(lastHeard, now);
    }

    /** The succession of the current epoch, or null. */
    SignedGroupStatement succession() {
        return succession;
    }

    GroupStatement.Succession current() {
        return succession == null ? null : (GroupStatement.Succession) succession.statement();
    }

    /** A succession ordered in the stream; taken if the current hub signed it for the current epoch. */
    String accept(SignedGroupStatement signed, NodeId hub, long epoch) {
        GroupStatement.Succession proposed = (GroupStatement.Succession) signed.statement();
        if (!proposed.hub().equals(hub) || proposed.epoch() != epoch) {
            return "stale-succession";
        }
        if (!signed.isAuthentic(crypto)) {
            return "forged-succession";
        }
        GroupStatement.Succession known = current();
        if (known != null && proposed.version() <= known.version()) {
            return "stale-succession";
        }
        succession = signed;
        taken.put(proposed.epoch(), signed);
        while (taken.size() > EPOCHS_KEPT) {
            taken.pollFirstEntry();
        }
        return null;
    }

    /**
     * This member restarted from its store at {@code now}: it may have missed that the hub replaced it as successor,
     * or that another took over, so it claims nothing for {@link #RESTARTED_CLAIM_WAIT_MS} — long enough for a live
     * hub's answer or a newer hub's claim (sent again at most {@link GroupHub#MAX_RETRY_MS} apart) to reach it.
     */
    void restarted(long now) {
        lastHeard = now;
        mayClaimFrom = now + RESTARTED_CLAIM_WAIT_MS;
    }

    /** A new epoch began: its hub will sign its own succession. */
    void newEpoch(long now) {
        succession = null;
        lastHeard = now;
    }

    /** This member follows {@code hub} in {@code epoch}. */
    void follows(long epoch, NodeId hub) {
        followed.put(epoch, hub);
        while (followed.size() > EPOCHS_KEPT) {
            followed.pollFirstEntry();
        }
    }

    /**
     * Whether this member, in {@code epoch}, should probe the hub or take over now; the epoch it may claim is
     * {@link #claimable}.
     */
    Due due(long now, long epoch) {
        int place = place();
        if (place < 0 || claimable() <= epoch) {
            return Due.NOTHING;
        }
        long silence = now - lastHeard;
        if (silence >= (place == 0 ? SHADOW_WAIT_MS : CANDIDATE_WAIT_MS) && now >= mayClaimFrom) {
            return Due.CLAIM;
        }
        if (silence >= PROBE_MS && now - lastProbe >= PROBE_MS) {
            lastProbe = now;
            return Due.PROBE;
        }
        return Due.NOTHING;
    }

    /**
     * The succession that says who may take over: the current epoch's, or, while its hub has not named its own
     * (it died right after taking over), the last one this member took — its candidate may still claim.
     */
    private SignedGroupStatement warrant() {
        return succession != null ? succession : taken.isEmpty() ? null : taken.lastEntry().getValue();
    }

    /** This node's place in the warrant: 0 the shadow, 1 the candidate, -1 neither. */
    private int place() {
        SignedGroupStatement warrant = warrant();
        return warrant == null ? -1
                : ((GroupStatement.Succession) warrant.statement()).next().indexOf(identity.id());
    }

    /** Whether this node is the shadow named for {@code epoch}: the first to take over from its hub. */
    boolean isShadow(long epoch) {
        return place() == 0 && ((GroupStatement.Succession) warrant().statement()).epoch() == epoch;
    }

    /** The epoch this node's place lets it claim (see {@link GroupStatement.Succession#epochFor}). */
    long claimable() {
        return ((GroupStatement.Succession) warrant().statement()).epochFor(identity.id());
    }

    /** This node's signed claim of {@link #claimable()}. */
    SignedGroupStatement claim(long now) {
        SignedGroupStatement warrant = warrant();
        return SignedGroupStatement.sign(new GroupStatement.Claim(((GroupStatement.Succession) warrant.statement())
                .group(), claimable(), identity.id(), warrant, now), identity);
    }

    /**
     * Why a claim cannot be followed by a member whose hub is {@code hub} in {@code epoch}; null if it can: signed by
     * its claimant, for a newer epoch, and warranted by a succession naming the claimant for exactly that epoch —
     * the current hub's, or one this member took in an earlier epoch (a candidate that claimed while the shadow's
     * claim was on its way: members follow the highest epoch, so the group ends under one hub).
     */
    String problem(SignedGroupStatement signed, NodeId hub, long epoch) {
        if (!(signed.statement() instanceof GroupStatement.Claim claim)) {
            return "forged-claim";
        }
        if (claim.epoch() <= epoch) {
            return "stale-epoch";
        }
        if (!signed.isAuthentic(crypto)
                || !(claim.succession().statement() instanceof GroupStatement.Succession warrant)
                || !claim.succession().isAuthentic(crypto)) {
            return "forged-claim";
        }
        SignedGroupStatement earlier = taken.get(warrant.epoch());
        boolean current = warrant.hub().equals(hub) && warrant.epoch() == epoch;
        // a succession this member took, or one signed by the hub it followed in that epoch (it missed the
        // statement, but knows who had the right to sign it)
        boolean known = (earlier != null && java.util.Arrays.equals(earlier.signature(), claim.succession().signature()))
                || warrant.hub().equals(followed.get(warrant.epoch()));
        if (!(current || known) || !warrant.group().equals(claim.group())) {
            return "claim-not-from-this-epoch";
        }
        long warranted = warrant.epochFor(claim.claimant());
        if (warranted < 0 || claim.epoch() != warranted) {
            return "claim-not-warranted";
        }
        return null;
    }

    /** A claim this member followed, or made: it made its claimant hub of its epoch. */
    void claimed(SignedGroupStatement claim) {
        claims.put(((GroupStatement.Claim) claim.statement()).epoch(), claim);
        while (claims.size() > EPOCHS_KEPT) {
            claims.pollFirstEntry();
        }
    }

    /**
     * The claims this member followed before {@code epoch}, oldest first: each is warranted by the succession of the
     * epoch before it, so a member that missed some takes them in turn and ends following the latest.
     */
    List<SignedGroupStatement> claimsBefore(long epoch) {
        return List.copyOf(claims.headMap(epoch, false).values());
    }

    /** Whether {@code claim} is the one this member followed for its epoch already (one sent again along a chain). */
    boolean followedAlready(SignedGroupStatement claim) {
        return claim.statement() instanceof GroupStatement.Claim made
                && made.claimant().equals(followed.get(made.epoch()));
    }

    /** A statement the hub ordered, kept a while for a new hub to order again. */
    void ordered(SignedGroupStatement item, long now) {
        recent.addLast(new Recent(now, item));
        if (recent.size() > RECENT_MAX) {
            recent.pollFirst();
        }
    }

    /**
     * The statements ordered in the last {@link #RECENT_MS} worth ordering again, oldest first: not successions (a new
     * hub names its own), and of each member's sender keys only the latest (a chain key replaces the one before; the
     * members' rotations when a group forms would otherwise make most of a takeover's replay).
     */
    List<SignedGroupStatement> recent(long now) {
        forgetOld(now);
        Map<NodeId, SignedGroupStatement> latestKeys = new HashMap<>();
        for (Recent entry : recent) {
            if (entry.item().statement() instanceof GroupStatement.SenderKeys keys) {
                latestKeys.put(keys.owner(), entry.item());
            }
        }
        List<SignedGroupStatement> items = new ArrayList<>(recent.size());
        for (Recent entry : recent) {
            GroupStatement statement = entry.item().statement();
            boolean superseded = statement instanceof GroupStatement.SenderKeys keys
                    && latestKeys.get(keys.owner()) != entry.item();
            if (!superseded && !(statement instanceof GroupStatement.Succession)) {
                items.add(entry.item());
            }
        }
        return items;
    }

    private void forgetOld(long now) {
        while (!recent.isEmpty() && now - recent.peekFirst().at() >= RECENT_MS) {
            recent.pollFirst();
        }
    }

    @Override
    public int messagesHeld() {
        return recent.size();
    }

    void purge(long now) {
        forgetOld(now);
    }
}
