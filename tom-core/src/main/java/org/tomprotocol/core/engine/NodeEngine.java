package org.tomprotocol.core.engine;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Collections;
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
    private final EarnedRoles roles = new EarnedRoles();
    private final JoinRetries joinRetries = new JoinRetries();
    private final VirusBackup backup;
    private final GroupsMachine groups;
    private final GroupRoutes groupRoutes;
    private final ProfileChoice profiles;

    public NodeEngine(org.tomprotocol.spi.crypto.LocalIdentity identity, org.tomprotocol.spi.crypto.CryptoSuite crypto,
                      EngineEffects effects) {
        this.local = identity.id();
        this.effects = effects;
        this.peers = new PeerTable(local, effects);
        this.router = new Router(local);
        this.relays = new RelaySelector(peers, local);
        this.pathMonitor = new PathMonitor(effects::pathChanged);
        this.directPaths = new DirectPaths(local, peers, effects);
        this.profiles = new ProfileChoice(local, peers);
        ObservedTrackerEffects observed = new ObservedTrackerEffects(local, effects, profiles, pathMonitor, directPaths,
                () -> effectsNow);
        this.tracker = new DeliveryTracker(relays, observed);
        this.backup = new VirusBackup(local, peers, tracker, effects);
        observed.backup(backup);
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
        if (Math.abs(now - envelope.timestamp()) < ProtocolConstants.STALE_AFTER_MS) {
            peers.heard(envelope.from(), now);
        }
        if (verified.decoded().profile() == WireProfile.COMPACT) {
            // whoever signed a compact envelope, and the neighbour that handed it on intact, read that profile
            profiles.acceptsCompact(envelope.from());
            profiles.acceptsCompact(verified.hop());
        }
        switch (routing) {
            case Routing.Deliver deliver -> deliver(deliver.envelope(), now);
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
                effects.forward(forward.envelope(), forward.nextHop());
                carriedForOthers(envelope, now);
            }
            case Routing.Reject reject -> throw new IllegalStateException("handled above");
        }
    }

    /** What a relay learns from what it carries: whom to introduce, and the work it can later prove. */
    private void carriedForOthers(Envelope envelope, long now) {
        roles.carried(envelope, effects, now);
        if (envelope.type() == MessageType.Chat && envelope.via().size() == 1) {
            directPaths.carried(envelope.from(), envelope.to(), now);
        }
    }

    /** The roles this node earned (see {@link EarnedRoles}), to announce. */
    public List<org.tomprotocol.core.wire.PeerRole> roles() {
        return roles.roles();
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

    /** A transport asks to carry {@code signal} to {@code peer}: direct or through a relay, best effort (§5.1). */
    public void sendSignal(NodeId peer, org.tomprotocol.spi.transport.Signal signal, long now) {
        Path path = relays.choose(peer, Collections.emptySet(), now);
        if (path == null) {
            effects.count("signal-unroutable");
            return;
        }
        effects.count("signals-sent");
        effects.sendSealed(MessageType.Signal, peer, path.relays(),
                new org.tomprotocol.core.wire.SignalPayload(signal).encode());
    }

    /** The application read {@code message}: tell its sender, best effort. */
    public void markRead(InboundMessage message, long now) {
        Path path = relays.choose(message.sender(), Collections.emptySet(), now);
        if (path == null) {
            effects.count("receipt-unroutable");
            return;
        }
        effects.sendSigned(MessageType.ReadReceipt, message.sender(), path.relays(),
                new ReadReceiptPayload(message.id(), now).encode());
    }

    /**
     * A peer's announce whose signature was verified: learn its addresses and name, and take it as a sign of
     * life if fresh. Announces from the future, older than an hour or not newer than the last one seen from
     * that node are refused.
     *
     * @return the verdict for the discovery that carried it: {@link Validation#ACCEPT} when taken, else
     *         {@link Validation#IGNORE} (this node's own, or refused by time or replay: genuine but not to
     *         spread, and no fault of the neighbour that passed it on)
     */
    public Validation onAnnounce(PeerAnnounce announce, long now) {
        effectsNow = now;
        NodeId node = announce.nodeId();
        if (node.equals(local)) {
            return Validation.IGNORE;
        }
        String rejection = peers.announceProblem(node, announce.timestamp(), now);
        if (rejection != null) {
            effects.count("rejected." + rejection);
            return Validation.IGNORE;
        }
        peers.learnAddresses(node, announce.addresses(), now);
        effects.learnedAddresses(node, announce.addresses());
        boolean fresh = now - announce.timestamp() < ProtocolConstants.STALE_AFTER_MS;
        PeerRecord record = fresh ? peers.heard(node, now) : peers.get(node);
        if (fresh) {
            tracker.onPeerReachable(node, now);
            backup.peerReachable(node, now);
        }
        if (record != null) {
            record.announceTimestamp = announce.timestamp();
            record.username = announce.username();
            record.acceptsCompact = announce.accepts(WireProfile.COMPACT);
        }
        effects.count("announces-accepted");
        return Validation.ACCEPT;
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
        roles.review(now, effects);
        backup.deliverDue(now);
    }

    /** The groups' timers: resends, the hub's watch over members, the shadow's over the hub. */
    public void onGroupTick(long now) {
        effectsNow = now;
        groups.tick(now);
    }

    /**
     * What the engine still holds of messages (in flight, awaiting a read receipt, remembered against replay, copies
     * held for others and where its own copies are).
     */
    @Override
    public int messagesHeld() {
        return tracker.messagesHeld() + router.messagesHeld() + backup.messagesHeld() + groups.messagesHeld();
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
        roles.purge(now);
    }
}
