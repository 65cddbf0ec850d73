package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.RoleEvent;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.spi.state.ExpiringSet;

/**
 * The roles this node has earned (lock 4, docs/roles.md), each from work it can prove by others' signatures, never by
 * volunteering, each an {@link EarnedRole} (one-hour half-life, earned at 10 units, lost below 2):
 *
 * <ul>
 *   <li><b>relay</b>: one unit per chat this node carried whose final recipient's signed acknowledgement came back
 *       through it (each chat once; its own "forwarded" word or anyone else's acknowledgement counts for nothing);</li>
 *   <li><b>backup</b>: one unit per copy it held for an offline recipient until that recipient's signed proof of
 *       delivery reached it (each copy once: the holder purges it on the first);</li>
 *   <li><b>hub candidate</b>: {@link Reachability} — two units per ten minutes in which at least two peers reached it
 *       with verified envelopes.</li>
 * </ul>
 * Pure; the time is passed in; agent thread only.
 */
final class EarnedRoles {
    private static final System.Logger LOG = System.getLogger(EarnedRoles.class.getName());
    /** Chats carried, remembered until their acknowledgement can no longer come, at most this many. */
    private static final int CARRIED_REMEMBERED = 10_000;

    private record Carried(MessageId id, NodeId sender, NodeId recipient) {
    }

    /** A role that came or went in a review. */
    record Change(PeerRole role, boolean earned) {
    }

    private final EarnedRole relay = new EarnedRole(PeerRole.Relay);
    private final EarnedRole backup = new EarnedRole(PeerRole.Backup);
    private final EarnedRole hubCandidate = new EarnedRole(PeerRole.HubCandidate);
    private final List<EarnedRole> all = List.of(relay, backup, hubCandidate);
    private final Reachability reachability = new Reachability(hubCandidate);
    private final ExpiringSet<Carried> carried = new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, CARRIED_REMEMBERED);
    private final ExpiringSet<Carried> credited = new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, CARRIED_REMEMBERED);

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
            relay.add(1, now);
        }
    }

    /** A copy this node held was proven delivered by its recipient's signature (the holder's first proof of it). */
    void copyHeldUntilDelivered(long now) {
        backup.add(1, now);
    }

    /** {@code neighbour} handed this node an envelope that passed every check. */
    void reachedBy(NodeId neighbour, long now) {
        reachability.reachedBy(neighbour, now);
    }

    /** Forgets what can no longer be acknowledged. */
    void purge(long now) {
        carried.purge(now);
        credited.purge(now);
    }

    /** The verified work behind {@code role}, decayed, at {@code now}. */
    double score(PeerRole role, long now) {
        for (EarnedRole earned : all) {
            if (earned.role() == role) {
                return earned.score(now);
            }
        }
        throw new IllegalArgumentException("not an earned role: " + role);
    }

    /** The roles to announce: always a peer, and those earned. */
    List<PeerRole> roles() {
        List<PeerRole> roles = new ArrayList<>(List.of(PeerRole.Peer));
        for (EarnedRole role : all) {
            if (role.held()) {
                roles.add(role.role());
            }
        }
        return roles;
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

    /** {@link #review(long)}, each change counted ({@code roles.relay-earned}, …), logged and told as a {@link RoleEvent}. */
    void review(long now, EngineEffects effects) {
        for (Change change : review(now)) {
            String name = name(change.role());
            double score = score(change.role(), now);
            effects.count("roles." + name + (change.earned() ? "-earned" : "-lost"));
            LOG.log(System.Logger.Level.INFO, change.earned() ? "this node earned the {0} role (verified work {1})"
                    : "this node lost the {0} role (verified work faded to {1})", name, score);
            effects.roleChanged(new RoleEvent(change.earned() ? RoleEvent.Kind.EARNED : RoleEvent.Kind.LOST, name,
                    score, Instant.ofEpochMilli(now)));
        }
    }

    /** Looks again at the scores (each at most once a minute); returns the roles gained and lost. */
    List<Change> review(long now) {
        reachability.roll(now);
        List<Change> changes = new ArrayList<>();
        for (EarnedRole role : all) {
            switch (role.review(now)) {
                case EARNED -> changes.add(new Change(role.role(), true));
                case LOST -> changes.add(new Change(role.role(), false));
                case NONE -> {
                }
            }
        }
        return changes;
    }

    /** The role's name on the API and in counters: {@code relay}, {@code backup}, {@code hub-candidate}. */
    static String name(PeerRole role) {
        return switch (role) {
            case Peer -> "peer";
            case Relay -> "relay";
            case Backup -> "backup";
            case HubCandidate -> "hub-candidate";
        };
    }
}
