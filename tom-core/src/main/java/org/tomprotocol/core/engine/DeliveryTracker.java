package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.state.ExpiringMap;

/**
 * The lifecycle of every message this node sends: attempts, reroutes, retries, and the monotonic status
 * {@code PENDING → SENT → RELAYED → BACKED_UP → DELIVERED → READ}, or {@code FAILED}.
 *
 * <p>Lock 1: only {@link #onRecipientAck} can make a message delivered, and only when the acknowledgement
 * comes from the final recipient. A relay's acknowledgement gives {@code RELAYED}; a missing relay
 * acknowledgement within 5 s, a failed hand-off, a lost session, or a recipient acknowledgement missing 2 s
 * after the relay's reroutes through another relay (3 times at most). Each attempt waits 30 s for the
 * recipient; 2 retries keep the message id. A message is alive for 24 h from its envelope timestamp: once a
 * round's retries are spent, a new round starts after a backoff (30 s doubling to 10 min), or at once when the
 * recipient is seen again; at the end of its lifetime the message fails. Every relay is judged by what happens end to end
 * ({@link PathSelector#relayDelivered}, {@link PathSelector#relayLost}), never by its own word.
 *
 * <p>Pure and single-threaded: time comes in as an argument, effects go out through {@link TrackerEffects}.
 */
public final class DeliveryTracker implements MessageHolder {
    private final PathSelector paths;
    private final TrackerEffects effects;
    private final Map<MessageId, OutboundState> inFlight = new LinkedHashMap<>();
    private final UnroutedMessages unrouted = new UnroutedMessages();
    /** A delivered message whose read receipt may still come. */
    private record Delivered(NodeId recipient, MessageStatus status) {
    }

    private final ExpiringMap<MessageId, Delivered> awaitingRead =
            new ExpiringMap<>(ProtocolConstants.MAX_AGE_MS, ProtocolConstants.MAX_AWAITING_READ);

    public DeliveryTracker(PathSelector paths, TrackerEffects effects) {
        this.paths = paths;
        this.effects = effects;
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    /** The state of a message in flight, or {@code null}. */
    public OutboundState get(MessageId id) {
        return inFlight.get(id);
    }

    /** Starts tracking and sending {@code message}; returns {@code false} if too many are in flight. */
    public boolean submit(OutboundState message, long now) {
        if (inFlight.size() >= ProtocolConstants.MAX_TRACKED || inFlight.containsKey(message.id())) {
            return false;
        }
        inFlight.put(message.id(), message);
        effects.schedule(TrackerTimer.EXPIRY, message.id(), 0,
                message.timestamp() + ProtocolConstants.MESSAGE_LIFETIME_MS);
        startAttempt(message, now);
        return true;
    }

    private void startAttempt(OutboundState message, long now) {
        message.attemptGeneration++;
        effects.schedule(TrackerTimer.ACK_DEADLINE, message.id(), message.attemptGeneration,
                now + ProtocolConstants.ACK_DEADLINE_MS);
        route(message, now);
    }

    private void route(OutboundState message, long now) {
        message.routeGeneration++;
        setPath(message, message.forcedPath() != null ? message.forcedPath()
                : paths.choose(message.recipient(), message.failedRelays, now));
        if (message.path == null) {
            unrouted.add(message);
            if (message.forcedPath() == null) {
                effects.recipientUnreachable(message);
            }
            if (message.reroutesLeft > 0) {
                message.reroutesLeft--;
                effects.schedule(TrackerTimer.ROUTE, message.id(), message.routeGeneration,
                        now + ProtocolConstants.RELAY_ACK_TIMEOUT_MS);
            }
            return;
        }
        if (message.path.isDirect()) {
            unrouted.remove(message);
        } else {
            unrouted.add(message);
        }
        effects.transmit(message);
        if (!message.path.isDirect()) {
            effects.schedule(TrackerTimer.RELAY_ACK, message.id(), message.routeGeneration,
                    now + ProtocolConstants.RELAY_ACK_TIMEOUT_MS);
        } else if (message.forcedPath() == null) {
            effects.schedule(TrackerTimer.DIRECT_ACK, message.id(), message.routeGeneration,
                    now + ProtocolConstants.DIRECT_ACK_TIMEOUT_MS);
        }
    }

    private void setPath(OutboundState message, Path next) {
        if (message.path != null && !message.path.isDirect()) {
            paths.release(message.path.firstRelay());
        }
        message.path = next;
        if (next != null && !next.isDirect()) {
            paths.acquire(next.firstRelay());
        }
    }

    /** A worker sealed {@code id}'s payload for its first transmission: later ones reuse it. */
    public void onSealed(MessageId id, byte[] sealed) {
        OutboundState message = inFlight.get(id);
        if (message != null) {
            message.sealedAs(sealed);
        }
    }

    /** The transport took (or refused) the transmission {@code routeGeneration} of {@code id}. */
    public void onTransmitted(MessageId id, int routeGeneration, boolean success, long now) {
        OutboundState message = inFlight.get(id);
        if (message == null || message.routeGeneration != routeGeneration) {
            return;
        }
        if (success) {
            message.everTransmitted = true;
            advance(message, MessageStatus.SENT, now);
            return;
        }
        if (message.path != null && !message.path.isDirect()) {
            relayLost(message, now);
        }
        reroute(message, now);
    }

    /** The current relay did not get the message through: avoid it for this message, and judge it. */
    private void relayLost(OutboundState message, long now) {
        message.failedRelays.add(message.path.firstRelay());
        paths.relayLost(message.path.firstRelay(), message.recipient(), now);
    }

    private void reroute(OutboundState message, long now) {
        if (message.reroutesLeft <= 0 || message.forcedPath() != null) {
            return;
        }
        message.reroutesLeft--;
        route(message, now);
    }

    /**
     * A relay acknowledged forwarding {@code id}. That gives the status {@code RELAYED} and starts the wait for
     * the recipient's acknowledgement, but earns the relay nothing: only delivery does.
     *
     * @return whether it matched a relay of a message in flight
     */
    public boolean onRelayAck(MessageId id, NodeId relay, long now) {
        OutboundState message = inFlight.get(id);
        if (message == null || message.path == null || !message.path.relays().contains(relay)) {
            return false;
        }
        unrouted.remove(message);
        if (message.relayConfirmedGeneration != message.routeGeneration && message.forcedPath() == null) {
            message.relayConfirmedGeneration = message.routeGeneration;
            effects.schedule(TrackerTimer.RELAYED_ACK, message.id(), message.routeGeneration,
                    now + ProtocolConstants.RELAYED_ACK_TIMEOUT_MS);
        }
        advance(message, MessageStatus.SENT, now);
        advance(message, MessageStatus.RELAYED, now);
        return true;
    }

    /**
     * The final recipient acknowledged {@code id}: the one way a message becomes delivered (lock 1).
     *
     * @return whether the acknowledgement matched a message in flight
     */
    public boolean onRecipientAck(MessageId id, NodeId from, long now) {
        OutboundState message = inFlight.get(id);
        if (message == null || !message.recipient().equals(from)) {
            return false;
        }
        if (message.path != null && message.path.isDirect()) {
            paths.directSucceeded(from);
        } else if (message.path != null) {
            paths.relayDelivered(message.path.firstRelay(), from, now);
        }
        advance(message, MessageStatus.SENT, now);
        advance(message, MessageStatus.DELIVERED, now);
        finish(message);
        if (message.readPending) {
            advance(message, MessageStatus.READ, now);
        } else {
            awaitingRead.put(id, new Delivered(from, message.status), now);
        }
        return true;
    }

    /** Enough backup holders keep copies of {@code id}: its status becomes {@code BACKED_UP}. */
    public void onBackedUp(MessageId id, long now) {
        OutboundState message = inFlight.get(id);
        if (message != null) {
            advance(message, MessageStatus.BACKED_UP, now);
        }
    }

    /** The recipient's application read {@code id}; returns whether it matched a message of ours. */
    public boolean onRead(MessageId id, NodeId from, long readAt, long now) {
        OutboundState message = inFlight.get(id);
        if (message != null && message.recipient().equals(from)) {
            message.readPending = true;
            message.readAt = readAt;
            return true;
        }
        Delivered delivered = awaitingRead.get(id, now);
        if (delivered == null || !delivered.recipient().equals(from)) {
            return false;
        }
        awaitingRead.remove(id);
        effects.statusChanged(id, delivered.status(), MessageStatus.READ, now, null);
        return true;
    }

    /**
     * The session to {@code peer} closed: messages waiting on it — as their relay, or sent directly to it —
     * go another way at once rather than at their deadline.
     */
    public void onSessionLost(NodeId peer, long now) {
        List<OutboundState> viaPeer = new ArrayList<>();
        List<OutboundState> directToPeer = new ArrayList<>();
        for (OutboundState message : inFlight.values()) {
            if (message.path == null) {
                continue;
            }
            if (peer.equals(message.path.firstRelay()) && awaitsRelay(message)) {
                viaPeer.add(message);
            } else if (message.path.isDirect() && message.recipient().equals(peer)) {
                directToPeer.add(message);
            }
        }
        for (OutboundState message : viaPeer) {
            message.failedRelays.add(peer);
            reroute(message, now);
        }
        for (OutboundState message : directToPeer) {
            reroute(message, now);
        }
    }

    public void onTimer(TrackerTimer timer, MessageId id, int generation, long now) {
        OutboundState message = inFlight.get(id);
        if (message == null) {
            return;
        }
        switch (timer) {
            case ACK_DEADLINE -> {
                if (generation != message.attemptGeneration) {
                    return;
                }
                if (message.forcedPath() == null) {
                    effects.recipientUnreachable(message);
                }
                if (message.retriesLeft > 0) {
                    message.retriesLeft--;
                    if (message.path != null && !message.path.isDirect()) {
                        // relayed or not, the message did not get through this relay
                        relayLost(message, now);
                    }
                    startAttempt(message, now);
                } else {
                    if (message.path != null && !message.path.isDirect()) {
                        relayLost(message, now);
                    }
                    waitForNextRound(message, now);
                }
            }
            case NEXT_ROUND -> {
                if (generation == message.attemptGeneration && message.waitingForRound) {
                    startRound(message, now);
                }
            }
            case EXPIRY -> fail(message, message.everTransmitted ? DeliveryFailedException.Reason.NO_ACKNOWLEDGEMENT
                    : DeliveryFailedException.Reason.NO_ROUTE, now);
            case RELAY_ACK -> {
                if (generation == message.routeGeneration
                        && awaitsRelay(message)) {
                    relayLost(message, now);
                    reroute(message, now);
                }
            }
            case RELAYED_ACK -> {
                // the relay said it forwarded the message, yet the recipient never acknowledged it: the relay
                // (or what lies beyond it) dropped it; the recipient deduplicates if both copies arrive
                if (generation == message.routeGeneration && message.path != null && !message.path.isDirect()) {
                    relayLost(message, now);
                    reroute(message, now);
                }
            }
            case ROUTE -> {
                if (generation == message.routeGeneration && message.path == null) {
                    route(message, now);
                }
            }
            case DIRECT_ACK -> {
                // a lost frame or acknowledgement: send again at once (directly, unless the direct path now
                // counts as dead, in which case it goes through a relay) rather than at the 30 s deadline
                if (generation == message.routeGeneration && message.path != null && message.path.isDirect()) {
                    if (paths.directFailed(message.recipient(), now)) {
                        effects.directPathFailed(message.recipient());
                    }
                    reroute(message, now);
                }
            }
        }
    }

    /** The recipient is out of reach for now: the next round starts after the backoff, or when it is seen. */
    private void waitForNextRound(OutboundState message, long now) {
        setPath(message, null);
        message.waitingForRound = true;
        unrouted.add(message);
        // no timer of the last round may act while the message waits
        message.routeGeneration++;
        message.attemptGeneration++;
        effects.schedule(TrackerTimer.NEXT_ROUND, message.id(), message.attemptGeneration,
                now + message.rounds.next());
    }

    /** A fresh round: relays avoided in the last one get another chance (their outcomes still rank them). */
    private void startRound(OutboundState message, long now) {
        message.waitingForRound = false;
        message.retriesLeft = ProtocolConstants.MAX_RETRIES;
        message.reroutesLeft = ProtocolConstants.MAX_REROUTES;
        message.failedRelays.clear();
        startAttempt(message, now);
    }

    /**
     * {@code peer} was seen (a session opened, or its fresh announce came): messages to it that have no path that
     * works for now are tried at once — those waiting for their next round start it (their backoff starts over),
     * those waiting for a route or for an unconfirmed relay look again.
     */
    public void onPeerReachable(NodeId peer, long now) {
        for (MessageId id : unrouted.take(peer)) {
            OutboundState message = inFlight.get(id);
            if (message == null || message.forcedPath() != null) {
                continue;
            }
            if (message.waitingForRound) {
                message.rounds.reset();
                startRound(message, now);
            } else if (message.path == null
                    || !message.path.isDirect() && awaitsRelay(message)) {
                // not the relay's fault: it could not know the recipient either; a copy it forwards late is
                // deduplicated by the recipient
                route(message, now);
            }
        }
    }

    /**
     * Whether no relay confirmed forwarding the message yet. A backed-up message's status says nothing of its relays,
     * so its current transmission's own confirmation is what counts.
     */
    private static boolean awaitsRelay(OutboundState message) {
        if (message.status == MessageStatus.BACKED_UP) {
            return message.relayConfirmedGeneration != message.routeGeneration;
        }
        return message.status.ordinal() < MessageStatus.RELAYED.ordinal();
    }

    /** Fails every message in flight, e.g. when the node closes. */
    public void failAll(DeliveryFailedException.Reason reason, long now) {
        for (OutboundState message : new ArrayList<>(inFlight.values())) {
            fail(message, reason, now);
        }
    }

    private void fail(OutboundState message, DeliveryFailedException.Reason reason, long now) {
        MessageStatus previous = message.status;
        message.status = MessageStatus.FAILED;
        finish(message);
        effects.statusChanged(message.id(), previous, MessageStatus.FAILED, now, reason);
    }

    private void finish(OutboundState message) {
        unrouted.remove(message);
        inFlight.remove(message.id());
        setPath(message, null);
    }

    private void advance(OutboundState message, MessageStatus next, long now) {
        if (!message.status.canAdvanceTo(next)) {
            return;
        }
        MessageStatus previous = message.status;
        message.status = next;
        effects.statusChanged(message.id(), previous, next, now, null);
    }

    /** Messages in flight or awaiting a read receipt. */
    @Override
    public int messagesHeld() {
        return inFlight.size() + awaitingRead.size() + unrouted.messagesHeld();
    }

    /** Forgets read-receipt bookkeeping older than 24 hours. */
    public void purge(long now) {
        awaitingRead.purge(now);
    }
}
