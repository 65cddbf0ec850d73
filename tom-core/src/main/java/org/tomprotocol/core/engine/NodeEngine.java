package org.tomprotocol.core.engine;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.PeerAnnounce;
import org.tomprotocol.core.wire.ReadReceiptPayload;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.spi.discovery.Validation;

/**
 * The protocol state machine of one node: routes verified envelopes, tracks what it sends, keeps the peer
 * table. Pure and single-threaded — every input carries the time, every output is an {@link EngineEffects}
 * call — so the same code runs on the node's agent thread and in deterministic simulations.
 */
public final class NodeEngine implements MessageHolder {
    private static final System.Logger LOG = System.getLogger(NodeEngine.class.getName());

    private final NodeId local;
    private final EngineEffects effects;
    private final PeerTable peers;
    private final Router router;
    private final RelaySelector relays;
    private final DeliveryTracker tracker;
    private final PathMonitor pathMonitor;
    private final DirectPaths directPaths;
    private final TrafficSeen seen;
    private final JoinRetries joinRetries = new JoinRetries();
    private final VirusBackup backup;
    private final GroupsMachine groups;
    private final GroupRoutes groupRoutes;
    private final ProfileChoice profiles;
    private final MessagePrices prices;
    private final PeerAnnouncements announcements;
    private final OutboundControl control;

    public NodeEngine(org.tomprotocol.spi.crypto.LocalIdentity identity, org.tomprotocol.spi.crypto.CryptoSuite crypto,
                      EngineEffects effects) {
        this.local = identity.id();
        this.effects = effects;
        this.peers = new PeerTable(local, effects);
        this.router = new Router(local);
        this.relays = new RelaySelector(peers, local);
        this.pathMonitor = new PathMonitor(effects::pathChanged);
        this.directPaths = new DirectPaths(local, peers, effects);
        this.seen = new TrafficSeen(local, directPaths);
        peers.subnetsFrom(seen::together);
        this.profiles = new ProfileChoice(local, peers);
        this.prices = new MessagePrices(local, peers, effects);
        ObservedTrackerEffects observed = new ObservedTrackerEffects(local, effects, profiles, prices.stamps(),
                pathMonitor, directPaths, () -> effectsNow);
        this.tracker = new DeliveryTracker(relays, observed);
        this.backup = new VirusBackup(local, peers, tracker, effects, seen::heldUntilDelivered);
        observed.backup(backup);
        this.announcements = new PeerAnnouncements(local, peers, effects, tracker, backup);
        this.control = new OutboundControl(relays, effects);
        this.groupRoutes = new GroupRoutes(local, peers, relays, effects, () -> effectsNow);
        this.groups = new GroupsMachine(identity, crypto, groupRoutes, new PeerCapabilities(peers));
    }

    /** Runs an application's command on {@code group} at {@code now}. */
    public <T> T groupCommand(org.tomprotocol.api.GroupId group, long now,
                              java.util.function.Function<GroupsMachine, T> command) {
        effectsNow = now;
        try {
            return command.apply(groups);
        } finally {
            groups.endOfCommand(group, now);
        }
    }

    /** Runs {@code work} on the groups as a whole at {@code now}: a restart's restore, a close's last save. */
    public void onGroups(long now, java.util.function.Consumer<GroupsMachine> work) {
        effectsNow = now;
        work.accept(groups);
    }

    /**
     * Whether this node writes its messages in the compact profile where every node on the path accepts it (the
     * default), or always in the reference profile. It reads both either way.
     */
    public void writeCompact(boolean compact) {
        profiles.writeCompact(compact);
    }

    /**
     * What an origin without a score may send to or through this node free, in messages a second (default
     * {@link OriginAdmission#BASE_RATE}); one with a score gets up to five times that (lock 5).
     */
    public void admissionBudget(double messagesPerSecond) {
        prices.budget(messagesPerSecond);
    }

    /** The hardest proof-of-work stamp this node mints for one of its messages (default 20 bits, a second of CPU). */
    public void maxStampBits(int bits) {
        prices.mintAtMost(bits);
    }

    /** The time of the input being handled, for effects raised from inside the tracker. */
    private long effectsNow;

    public NodeId local() {
        return local;
    }

    public PeerTable peers() {
        return peers;
    }

    public DeliveryTracker tracker() {
        return tracker;
    }

    /** A message delivered before a restart (from the node's store): a copy that comes again is only re-acknowledged. */
    public void rememberDelivered(NodeId from, MessageId id, long timestamp) {
        router.rememberDelivered(from, id, timestamp);
    }

    /** Starts sending a message the application submitted; returns {@code false} if too many are in flight. */
    public boolean submit(OutboundState message, long now) {
        effectsNow = now;
        seen.sent(message.recipient(), now);
        return tracker.submit(message, now);
    }

    /** The transport took or refused a transmission started by {@link TrackerEffects#transmit}. */
    public void onTransmitted(MessageId id, NodeId firstHop, int routeGeneration, boolean success, long now) {
        effectsNow = now;
        if (success) {
            peers.sentTo(firstHop, now);
        } else {
            effects.count("transmit-failed");
        }
        tracker.onTransmitted(id, routeGeneration, success, now);
    }

    /** A worker sealed the payload of {@code id} (handed back, so later attempts reuse it). */
    public void onSealed(MessageId id, byte[] sealed) {
        tracker.onSealed(id, sealed);
    }

    public void onTimer(TrackerTimer timer, MessageId id, int generation, long now) {
        effectsNow = now;
        tracker.onTimer(timer, id, generation, now);
    }

    /** A frame passed the worker stage (decoded, signature verified, opened if for us). */
    public void onVerified(VerifiedEnvelope verified, long now) {
        onVerified(verified, java.util.OptionalLong.empty(), now);
    }

    /**
     * As {@link #onVerified(VerifiedEnvelope, long)}, for an envelope that came with {@code stamp} (§15). A chat from
     * another node that is new work here ({@link Router#isNewWork}) is priced first ({@link InboundPricing}): routed
     * now, after its delay, or not at all if unpaid.
     */
    public void onVerified(VerifiedEnvelope verified, java.util.OptionalLong stamp, long now) {
        effectsNow = now;
        prices.handed(verified.hop(), stamp, now);
        Envelope envelope = verified.envelope();
        if (!envelope.from().equals(local) && router.isNewWork(verified, now)) {
            prices.offer(envelope, stamp, now, at -> routed(verified, stamp, at));
        } else {
            routed(verified, stamp, now);
        }
    }

    private void routed(VerifiedEnvelope verified, java.util.OptionalLong stamp, long now) {
        effectsNow = now;
        Envelope envelope = verified.envelope();
        Routing routing = router.route(verified, now);
        if (routing instanceof Routing.Reject reject) {
            if (reject.provesMisbehaviour()) {
                effects.charge(verified.hop(), "rejected." + reject.reason());
            } else {
                effects.count("rejected." + reject.reason());
            }
            LOG.log(Level.DEBUG, "rejected {0} from hop {1}: {2}", envelope, verified.hop().shortForm(),
                    reject.reason());
            return;
        }
        PeerRecord neighbour = peers.heard(verified.hop(), now);
        if (neighbour != null) {
            neighbour.lastHeardDirectly = now;
        }
        seen.reachedBy(verified.hop(), now);
        if (Math.abs(now - envelope.timestamp()) < ProtocolConstants.STALE_AFTER_MS) {
            peers.heard(envelope.from(), now);
        }
        if (verified.decoded().profile() == WireProfile.COMPACT) {
            // whoever signed a compact envelope, and the neighbour that handed it on intact, read that profile
            profiles.acceptsCompact(envelope.from());
            profiles.acceptsCompact(verified.hop());
        }
        switch (routing) {
            case Routing.Deliver deliver -> {
                seen.received(envelope.from(), now);
                deliver(deliver.envelope(), now);
            }
            case Routing.Reacknowledge again -> {
                // a retry (our acknowledgement was lost, or late): acknowledge again, charging nobody — an
                // overloaded node must not make honest senders pay for its own slowness
                effects.count("duplicates");
                acknowledge(again.envelope(), AckType.RecipientReceived, Paths.reversed(envelope.via()));
                backup.proveToHolder(again.envelope());
            }
            case Routing.Acknowledged acknowledged -> onAck(acknowledged.ack(), acknowledged.from(), verified, now);
            case Routing.Backup input -> backup.onInput(verified, input.input(), now);
            case Routing.Read read -> {
                ReadReceiptPayload receipt = read.envelope().readReceipt();
                if (!tracker.onRead(receipt.originalMessageId(), envelope.from(), read.readAt(), now)) {
                    effects.count("unmatched-receipt");
                }
            }
            case Routing.KeepAlive ignored -> effects.count("heartbeats-received");
            case Routing.Introduced introduced -> directPaths.introduced(introduced.rendezvous(), now);
            case Routing.Signalled signalled -> {
                effects.count("signals-received");
                effects.signalled(signalled.from(), signalled.signal());
            }
            case Routing.Grouped grouped -> {
                effects.count("group-frames-received");
                groupRoutes.heardFrom(grouped.from(), verified.hop());
                groups.onFrame(grouped.from(), grouped.frame(), now);
            }
            case Routing.Forward forward -> {
                effects.count("forwarded");
                effects.forward(forward.envelope(), forward.nextHop(),
                        prices.forwarding(envelope, forward.nextHop(), stamp, now));
                seen.carried(envelope, effects, now);
            }
            case Routing.Priced priced -> {
                effects.count("prices-received");
                prices.priced(verified.hop(), priced.from(), priced.price(), priced.sentAt(), now);
            }
            case Routing.Reject reject -> throw new IllegalStateException("handled above");
        }
    }

    /** How this node and each peer stand with each other (see {@link MessagePrices#standings}). */
    public List<org.tomprotocol.api.PeerStanding> standings(long now) {
        return prices.standings(now);
    }

    /** The roles this node earned (see {@link EarnedRoles}), to announce. */
    public List<org.tomprotocol.core.wire.PeerRole> roles() {
        return seen.roles();
    }

    private void deliver(VerifiedEnvelope verified, long now) {
        Envelope envelope = verified.envelope();
        effects.count("delivered-to-app");
        effects.deliver(new InboundMessage(envelope.id(), envelope.from(), Instant.ofEpochMilli(envelope.timestamp()),
                Instant.ofEpochMilli(now), verified.plaintext(), envelope.encrypted(), envelope.via().size()),
                () -> {
                    acknowledge(verified, AckType.RecipientReceived, Paths.reversed(envelope.via()));
                    backup.proveToHolder(verified);
                });
    }

    private void onAck(AckPayload ack, NodeId from, VerifiedEnvelope verified, long now) {
        if (ack.type() == AckType.RelayForwarded) {
            if (!tracker.onRelayAck(ack.originalMessageId(), from, now)) {
                effects.count("unmatched-relay-ack");
            }
        } else if (tracker.onRecipientAck(ack.originalMessageId(), from, now)) {
            backup.deliveredOwn(ack.originalMessageId(), verified);
        } else {
            effects.count("unmatched-ack");
        }
    }


    /**
     * This node is about to close: the copies it holds for others' offline recipients go to other nodes first.
     * Returns how many were handed over (the caller gives their frames a moment before closing the transports).
     */
    public int leaving(long now) {
        effectsNow = now;
        return backup.handOver(now);
    }

    /** A copy this node held before it restarted (from its store). */
    public void restoreCopy(org.tomprotocol.core.wire.BackupCopy copy, long now) {
        backup.restore(copy, now);
    }

    /** The envelope passed on by {@link EngineEffects#forward} was handed to the next hop, or not. */
    public void onForwarded(VerifiedEnvelope verified, boolean success, long now) {
        Envelope envelope = verified.envelope();
        if (!success) {
            effects.count("forward-failed");
            return;
        }
        if (envelope.type() == MessageType.Chat) {
            effects.count("relay-acknowledged");
            int position = envelope.via().indexOf(local);
            acknowledge(verified, AckType.RelayForwarded, Paths.reversed(envelope.via().subList(0, position)));
        }
    }

    /** Sends the acknowledgement the worker signed ahead, or signs one now if it could not. */
    private void acknowledge(VerifiedEnvelope verified, AckType type, List<NodeId> via) {
        if (verified.acknowledgement() != null) {
            effects.sendPrepared(verified.acknowledgement());
            return;
        }
        Envelope original = verified.envelope();
        effects.sendSigned(MessageType.Ack, original.from(), via, new AckPayload(original.id(), type).encode());
    }

    /** A transport asks to carry {@code signal} to {@code peer} (see {@link OutboundControl#signal}). */
    public void sendSignal(NodeId peer, org.tomprotocol.spi.transport.Signal signal, long now) {
        control.signal(peer, signal, now);
    }

    /** The application read {@code message} (see {@link OutboundControl#read}). */
    public void markRead(InboundMessage message, long now) {
        control.read(message, now);
    }

    /** A peer's announce whose signature was verified (see {@link PeerAnnouncements}). */
    public Validation onAnnounce(PeerAnnounce announce, long now) {
        effectsNow = now;
        return announcements.onAnnounce(announce, now);
    }

    /** A peer to join through (bootstrap or added by the application): remember its addresses and connect. */
    public void addPeer(NodeId peer, List<org.tomprotocol.api.TransportAddress> addresses, long now) {
        peers.learnAddresses(peer, addresses, now);
        effects.learnedAddresses(peer, addresses);
        effects.connect(peer);
        PeerRecord record = peers.get(peer);
        if (record == null || !record.hasSession()) {
            joinRetries.dialled(peer, now);
        }
    }

    public void onSessionUp(NodeId peer, long now) {
        onSessionUp(peer, null, now);
    }

    /** A transport session to {@code peer} opened; {@code remote} is where the transport sees it, if known. */
    public void onSessionUp(NodeId peer, org.tomprotocol.api.TransportAddress remote, long now) {
        effectsNow = now;
        peers.session(peer, true, remote, now);
        pathMonitor.session(peer, true, now);
        directPaths.sessionUp(peer);
        joinRetries.reached(peer);
        tracker.onPeerReachable(peer, now);
        backup.sessionUp(peer, now);
    }

    public void onSessionDown(NodeId peer, long now) {
        effectsNow = now;
        peers.session(peer, false, now);
        pathMonitor.session(peer, false, now);
        tracker.onSessionLost(peer, now);
    }

    /** Periodic liveness work: silence thresholds and heartbeats on idle sessions. */
    public void onLivenessTick(long now) {
        for (NodeId peer : peers.tick(now)) {
            effects.sendSigned(MessageType.Heartbeat, peer, List.of(), new byte[0]);
        }
        for (NodeId peer : joinRetries.due(now)) {
            effects.connect(peer);
        }
        directPaths.tick(now);
        seen.review(now, effects);
        backup.deliverDue(now);
    }

    /**
     * The short timers: the groups' (resends, the hub's watch over members, the shadow's over the hub), and the
     * messages whose price was a delay.
     */
    public void onGroupTick(long now) {
        effectsNow = now;
        groups.tick(now);
        prices.release(now);
    }

    /**
     * What the engine still holds of messages (in flight, awaiting a read receipt, remembered against replay, copies
     * held for others and where its own copies are).
     */
    @Override
    public int messagesHeld() {
        return tracker.messagesHeld() + router.messagesHeld() + backup.messagesHeld() + groups.messagesHeld()
                + prices.messagesHeld();
    }

    /** Copies of other nodes' messages this node holds (their messages not yet proven delivered). */
    public int backupCopiesHeld(org.tomprotocol.api.MessageId id) {
        return backup.holdsCopyOf(id) ? 1 : 0;
    }

    /** Bytes of other nodes' messages this node holds for their recipients. */
    public long backupBytesHeld() {
        return backup.bytesHeld();
    }

    /** Periodic purge of expired entries, and upkeep of the copies held for others. */
    public void onPurgeTick(long now) {
        router.purge(now);
        tracker.purge(now);
        backup.maintain(now);
        groups.purge(now);
        seen.purge(now);
        prices.purge(now);
    }
}
