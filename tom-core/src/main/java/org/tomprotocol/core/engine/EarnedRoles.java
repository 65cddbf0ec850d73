package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.spi.state.DecayingCount;
import org.tomprotocol.spi.state.ExpiringSet;

/**
 * The roles this node has earned (lock 4, docs/roles.md), from work it can prove, never by volunteering: it is a relay
 * once it has carried messages whose final recipients' signed acknowledgements came back through it — each such
 * acknowledgement, for a chat this node forwarded, is one unit of verified relay work; its own "forwarded" word counts
 * for nothing. The score decays with a half-life of {@link #HALF_LIFE_MS} (Gen-2's 5 % an hour is a 13.5 h half-life:
 * too slow for devices that come and go). With hysteresis: the role is earned at {@link #EARN_AT} and lost below
 * {@link #LOSE_BELOW}, so a relay that stops carrying loses the role after about {@code log2(score / 2)} half-lives —
 * 2.3 h from the earning threshold — and earns it again by carrying. Reviewed every {@link #REVIEW_MS}. Pure; the time
 * is passed in; agent thread only.
 */
final class EarnedRoles {
    private static final System.Logger LOG = System.getLogger(EarnedRoles.class.getName());
    static final long HALF_LIFE_MS = 60 * 60_000L;
    static final double EARN_AT = 10;
    static final double LOSE_BELOW = 2;
    static final long REVIEW_MS = 60_000;
    /** Chats carried, remembered until their acknowledgement can no longer come, at most this many. */
    private static final int CARRIED_REMEMBERED = 10_000;

    private record Carried(MessageId id, NodeId sender, NodeId recipient) {
    }

    private final DecayingCount relayed = new DecayingCount(HALF_LIFE_MS);
    private final ExpiringSet<Carried> carried = new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, CARRIED_REMEMBERED);
    private final ExpiringSet<Carried> credited = new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, CARRIED_REMEMBERED);
    private boolean relay;
    private long nextReview;

    /** This node forwarded {@code sender}'s chat {@code id} to {@code recipient}. */
    void carried(MessageId id, NodeId sender, NodeId recipient, long now) {
        carried.add(new Carried(id, sender, recipient), now);
    }

    /**
     * This node forwards an acknowledgement from {@code from} (who signed it: checked before it got here) to
     * {@code to}: the recipient's own proof of delivery of a chat this node carried from {@code to} to {@code from} is
     * one unit of relay work (each chat counts once; an acknowledgement signed by anyone else counts for nothing).
     */
    void acknowledgementCarried(AckPayload ack, NodeId from, NodeId to, long now) {
        Carried chat = new Carried(ack.originalMessageId(), to, from);
        if (ack.type() == AckType.RecipientReceived && carried.contains(chat, now) && credited.add(chat, now)) {
            relayed.add(1, now);
        }
    }

    /** Forgets what can no longer be acknowledged. */
    void purge(long now) {
        carried.purge(now);
        credited.purge(now);
    }

    /** The verified relay work, decayed, at {@code now}. */
    double relayScore(long now) {
        return relayed.value(now);
    }

    /** The roles to announce: always a peer, a relay while earned. */
    List<PeerRole> roles() {
        return relay ? List.of(PeerRole.Peer, PeerRole.Relay) : List.of(PeerRole.Peer);
    }

    /** A chat or an acknowledgement this node forwarded (see {@link #carried(MessageId, NodeId, NodeId, long)}). */
    void carried(Envelope envelope, EngineEffects effects, long now) {
        if (envelope.type() == MessageType.Chat) {
            carried(envelope.id(), envelope.from(), envelope.to(), now);
        } else if (envelope.type() == MessageType.Ack && !envelope.encrypted()) {
            try {
                acknowledgementCarried(AckPayload.decode(envelope.payload()), envelope.from(), envelope.to(), now);
            } catch (WireException e) {
                effects.count("rejected.malformed-carried-ack");
            }
        }
    }

    /** {@link #review(long)}, counted ({@code roles.relay-earned}, {@code roles.relay-lost}) and logged. */
    void review(long now, EngineEffects effects) {
        switch (review(now)) {
            case 1 -> {
                effects.count("roles.relay-earned");
                LOG.log(System.Logger.Level.INFO, "this node earned the relay role (verified relay work {0})",
                        relayed.value(now));
                effects.roleChanged(new org.tomprotocol.api.RoleEvent(org.tomprotocol.api.RoleEvent.Kind.EARNED,
                        "relay", relayed.value(now), java.time.Instant.ofEpochMilli(now)));
            }
            case -1 -> {
                effects.count("roles.relay-lost");
                LOG.log(System.Logger.Level.INFO, "this node lost the relay role (verified relay work faded to {0})",
                        relayed.value(now));
                effects.roleChanged(new org.tomprotocol.api.RoleEvent(org.tomprotocol.api.RoleEvent.Kind.LOST,
                        "relay", relayed.value(now), java.time.Instant.ofEpochMilli(now)));
            }
            default -> {
            }
        }
    }

    /** Looks again at the scores, once a minute; returns the role gained ({@code +1}), lost ({@code -1}) or 0. */
    int review(long now) {
        if (now < nextReview) {
            return 0;
        }
        nextReview = now + REVIEW_MS;
        double score = relayed.value(now);
        if (!relay && score >= EARN_AT) {
            relay = true;
            return 1;
        }
        if (relay && score < LOSE_BELOW) {
            relay = false;
            return -1;
        }
        return 0;
    }
}
