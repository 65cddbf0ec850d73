package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerEvent;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.EngineEffects;
import org.tomprotocol.core.engine.NodeEngine;
import org.tomprotocol.core.engine.OutboundState;
import org.tomprotocol.core.engine.TrackerTimer;
import org.tomprotocol.core.engine.VerifiedEnvelope;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.core.wire.Stamp;
import org.tomprotocol.spi.transport.FrameChannel;

/**
 * Carries out the engine's effects at the edge: cryptography on the worker pool, frames through the
 * transports, notifications on the event thread, timers on the agent. Results come back to the engine as
 * tasks on the agent's queues.
 */
final class EffectExecutor implements EngineEffects {
    private static final System.Logger LOG = System.getLogger(EffectExecutor.class.getName());
    /** The counters of transmissions by profile, built once: a transmission is the hot path. */
    private static final String TRANSMISSIONS_COMPACT = "transmissions." + WireProfile.COMPACT.token();
    private static final String TRANSMISSIONS_REFERENCE = "transmissions." + WireProfile.REFERENCE.token();

    private final NodeId local;
    private final NodeAgent agent;
    private final BoundedWork workers;
    private final Executor callbacks;
    private final Links links;
    private final EnvelopeSigner signer;
    private final Metrics metrics;
    private final NodeEvents events;
    private final AnchorObserver anchor;
    private final PeerBudgets budgets;
    private InboundPipeline inbound;
    private NodeEngine engine;

    private boolean durable;
    private DurableState state;
    private final Minting minting;
    private java.util.function.Supplier<MessageId> ids = MessageId::random;

    /** Where stamps are minted: {@code work} is about {@code hashes} hashes (see {@code EngineRuntime.proofOfWork}). */
    @FunctionalInterface
    interface Minting {
        void mint(long hashes, Runnable work);
    }

    EffectExecutor(NodeId local, NodeAgent agent, Executor workers, Executor callbacks, Links links,
                   EnvelopeSigner signer, Metrics metrics, NodeEvents events, AnchorObserver anchor,
                   PeerBudgets budgets, Minting minting) {
        this.local = local;
        this.agent = agent;
        this.workers = new BoundedWork(workers, agent::offerControl, BoundedWork.DEFAULT_LIMIT,
                BoundedWork.MAX_WAITING);
        this.callbacks = callbacks;
        this.links = links;
        this.signer = signer;
        this.metrics = metrics;
        this.events = events;
        this.anchor = anchor;
        this.budgets = budgets;
        this.minting = minting;
    }

    /** Takes the ids of the envelopes it makes from {@code source}. */
    void idsFrom(java.util.function.Supplier<MessageId> source) {
        this.ids = source;
    }

    void bind(NodeEngine nodeEngine, InboundPipeline pipeline) {
        this.engine = nodeEngine;
        this.inbound = pipeline;
    }

    /**
     * Seals (the first time), signs and encodes on one worker task, then hands the frame to the transport. The worker
     * gets an immutable snapshot; a payload it seals goes back to the agent, which keeps it for later attempts.
     */
    @Override
    public void transmit(OutboundState message) {
        OutboundState.Snapshot snapshot = message.snapshot();
        MessageId id = snapshot.id();
        int generation = message.routeGeneration();
        java.util.List<NodeId> via = message.path().relays();
        NodeId hop = via.isEmpty() ? snapshot.recipient() : via.get(0);
        WireProfile profile = message.wireProfile();
        int stampBits = message.stampBits();
        metrics.increment(profile == WireProfile.COMPACT ? TRANSMISSIONS_COMPACT : TRANSMISSIONS_REFERENCE);
        callbacks.execute(() -> events.routed(id, via));
        BoundedWork.Handed handed = workers.submit(() -> {
            byte[] sealed = sealed(snapshot);
            if (sealed == null) {
                agent.offerControl(() -> engine.onTransmitted(id, hop, generation, false, agent.now()));
                return;
            }
            Envelope unsigned = Envelope.unsigned(id, local, snapshot.recipient(), via, MessageType.Chat,
                    EncryptedPayloadCodec.inProfile(sealed, profile), snapshot.timestamp(), true);
            byte[] wire = signer.signAndEncode(unsigned, profile);
            if (stampBits == 0) {
                send(id, hop, generation, wire, false);
                return;
            }
            // the work a node on the path asked for (lock 5): minted once per transmission, off the agent
            minting.mint(1L << stampBits, () -> {
                metrics.increment("stamps-minted");
                long nonce = Stamp.mint(Stamp.subject(id, local, snapshot.recipient()), stampBits);
                send(id, hop, generation, Stamp.frame(nonce, wire), true);
            });
        });
        counted(handed);
    }

    /**
     * Hands a control frame's work to the workers; when too much of this node's work already waits for them it is
     * dropped and counted, as a congested link would drop it (its protocol sends it again: a copy is asked for again,
     * an acknowledgement follows a retry).
     */
    private void offerOrCount(Runnable task) {
        counted(workers.offer(task));
    }

    /** {@code workers-waited}: a task waited for room with the workers; {@code workers-busy}: one was dropped. */
    private void counted(BoundedWork.Handed handed) {
        switch (handed) {
            case WAITING -> metrics.increment("workers-waited");
            case REFUSED -> metrics.increment("workers-busy");
            case STARTED -> {
            }
        }
    }

    private void send(MessageId id, NodeId hop, int generation, byte[] wire, boolean stamped) {
        sendFrame(hop, wire, stamped).whenComplete((ignored, error) ->
                agent.offerControl(() -> engine.onTransmitted(id, hop, generation, error == null, agent.now())));
    }

    /**
     * Signs the message once, as the direct envelope its recipient will get from a holder, and sends the copy to each
     * target, on one worker task.
     */
    @Override
    public void placeCopies(OutboundState message, List<NodeId> targets, List<NodeId> holders) {
        OutboundState.Snapshot snapshot = message.snapshot();
        long now = agent.now();
        offerOrCount(() -> {
            byte[] sealed = sealed(snapshot);
            if (sealed == null) {
                return;
            }
            // a copy is in the reference profile: holders and the recipient may be any node
            Envelope direct = signer.signed(Envelope.unsigned(snapshot.id(), local, snapshot.recipient(), List.of(),
                    MessageType.Chat, EncryptedPayloadCodec.inProfile(sealed, WireProfile.REFERENCE),
                    snapshot.timestamp(), true));
            byte[] copy = BackupCopy.of(direct, holders).encode();
            for (NodeId target : targets) {
                Envelope store = Envelope.unsigned(ids.get(), local, target, List.of(), MessageType.BackupStore,
                        copy, now, false);
                sendFrame(target, signer.signAndEncode(store)).whenComplete((ignored, error) -> {
                    if (error != null) {
                        metrics.increment("control-send-failed");
                    }
                });
            }
        });
    }

    /**
     * The sealed payload (worker threads): the snapshot's, or sealed now and handed back to the agent; {@code null},
     * counted, if sealing fails.
     */
    private byte[] sealed(OutboundState.Snapshot snapshot) {
        if (snapshot.sealedPayload() != null) {
            return snapshot.sealedPayload();
        }
        try {
            byte[] sealed = signer.seal(snapshot.recipient(), snapshot.plaintext());
            agent.offerControl(() -> engine.onSealed(snapshot.id(), sealed));
            return sealed;
        } catch (org.tomprotocol.spi.crypto.CryptoException e) {
            metrics.increment("seal-failed");
            return null;
        }
    }

    @Override
    public void keepCopy(BackupCopy copy, java.util.function.Consumer<Boolean> kept) {
        if (!durable) {
            kept.accept(true);
            return;
        }
        state.keepCopy(copy, stored -> agent.offerControl(() -> kept.accept(stored)));
    }

    @Override
    public void copyChanged(org.tomprotocol.api.BackupEvent.Kind kind, MessageId id, NodeId sender, NodeId recipient,
                            long now) {
        org.tomprotocol.api.BackupEvent event = new org.tomprotocol.api.BackupEvent(kind, id, sender, recipient,
                Instant.ofEpochMilli(now));
        callbacks.execute(() -> events.backup(event));
    }

    @Override
    public void subnetChanged(org.tomprotocol.api.SubnetEvent event) {
        metrics.increment(event.kind() == org.tomprotocol.api.SubnetEvent.Kind.FORMED ? "subnets-formed"
                : "subnets-dissolved");
        callbacks.execute(() -> events.published(event));
    }

    @Override
    public void roleChanged(org.tomprotocol.api.RoleEvent event) {
        callbacks.execute(() -> events.published(event));
    }

    @Override
    public void dropCopy(NodeId sender, MessageId id) {
        if (durable) {
            state.dropCopy(sender, id);
        }
    }

    /** Re-encoding with one hop less is a splice of arrays: done here, with no trip through the workers. */
    @Override
    public void forward(VerifiedEnvelope envelope, NodeId nextHop, java.util.OptionalLong stamp) {
        byte[] forwarded = EnvelopeSigner.forwarded(envelope);
        sendFrame(nextHop, stamp.isPresent() ? Stamp.frame(stamp.getAsLong(), forwarded) : forwarded,
                stamp.isPresent()).whenComplete((ignored, error) ->
                agent.offerControl(() -> engine.onForwarded(envelope, error == null, agent.now())));
    }

    @Override
    public void stampOwed(NodeId origin, int bits, long now, long until) {
        inbound.owe(origin, bits, now, until);
    }

    @Override
    public void sendPrepared(org.tomprotocol.core.engine.PreparedFrame frame) {
        sendFrame(frame.firstHop(), frame.wire()).whenComplete((ignored, error) -> {
            if (error != null) {
                metrics.increment("control-send-failed");
            }
        });
    }

    @Override
    public void sendSealed(MessageType type, NodeId to, List<NodeId> via, byte[] plaintext) {
        long now = agent.now();
        offerOrCount(() -> {
            byte[] sealed;
            try {
                sealed = signer.seal(to, plaintext, WireProfile.REFERENCE);
            } catch (org.tomprotocol.spi.crypto.CryptoException e) {
                metrics.increment("control-send-failed");
                return;
            }
            Envelope unsigned = Envelope.unsigned(ids.get(), local, to, via, type, sealed, now, true);
            sendFrame(unsigned.firstHop(), signer.signAndEncode(unsigned)).whenComplete((ignored, error) -> {
                if (error != null) {
                    metrics.increment("control-send-failed");
                }
            });
        });
    }

    @Override
    public void groupEvent(org.tomprotocol.api.GroupEvent event) {
        callbacks.execute(() -> events.group(event));
    }

    @Override
    public void groupsChanged(List<org.tomprotocol.api.GroupInfo> groups,
                              List<org.tomprotocol.api.GroupInvite> invites) {
        callbacks.execute(() -> events.groupsChanged(groups, invites));
    }

    /** Sealed to this node on the store's worker: what the store holds reads only with this node's key. */
    @Override
    public void keepGroup(org.tomprotocol.core.wire.GroupSnapshot snapshot) {
        if (durable) {
            state.groups().keep(snapshot.group(), KeptGroups.sealed(signer, local, snapshot), agent.now());
        }
    }

    @Override
    public void forgetGroup(String group) {
        if (durable) {
            state.groups().forget(group);
        }
    }

    @Override
    public void signalled(NodeId from, org.tomprotocol.spi.transport.Signal signal) {
        if (!links.signalled(from, signal)) {
            metrics.increment("rejected.no-direct-links");
        }
    }

    @Override
    public void sendSigned(MessageType type, NodeId to, List<NodeId> via, byte[] payload) {
        Envelope unsigned = Envelope.unsigned(ids.get(), local, to, via, type, payload, agent.now(), false);
        offerOrCount(() -> sendFrame(unsigned.firstHop(), signer.signAndEncode(unsigned))
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        metrics.increment("control-send-failed");
                    }
                }));
    }

    private CompletionStage<Void> sendFrame(NodeId hop, byte[] wire) {
        return sendFrame(hop, wire, false);
    }

    /** Sends an envelope frame, or with {@code stamped} a stamped one (the stamp, then the envelope; §15). */
    private CompletionStage<Void> sendFrame(NodeId hop, byte[] wire, boolean stamped) {
        if (hop.equals(local)) {
            if (stamped) {
                inbound.onStampedFrame(local, wire);
            } else {
                inbound.onEnvelopeFrame(local, wire);
            }
            return CompletableFuture.completedFuture(null);
        }
        return links.send(hop, stamped ? FrameChannel.STAMPED_ENVELOPE : FrameChannel.ENVELOPE, wire);
    }

    @Override
    public void deliver(InboundMessage message, Runnable acknowledge) {
        if (!durable) {
            acknowledge.run();
            callbacks.execute(() -> events.delivered(message));
            return;
        }
        // the node remembers the message (in its store) before the application sees it: only then the sender
        // may learn it was delivered
        callbacks.execute(() -> {
            events.delivered(message);
            agent.offerControl(acknowledge);
        });
    }

    /** The node keeps what it delivered in a store: acknowledgements wait for the store (see {@link #deliver}). */
    void durable(DurableState durableState) {
        this.state = durableState;
        this.durable = durableState.isDurable();
    }

    @Override
    public void statusChanged(MessageId id, MessageStatus previous, MessageStatus current, long now,
                              DeliveryFailedException.Reason failure) {
        Instant at = Instant.ofEpochMilli(now);
        callbacks.execute(() -> events.statusChanged(id, previous, current, at, failure));
    }

    @Override
    public void peerStateChanged(NodeId peer, PeerState state, long now) {
        PeerEvent event = new PeerEvent(peer, state, Instant.ofEpochMilli(now));
        agent.peersChanged();
        anchor.peerChanged(event);
        callbacks.execute(() -> events.peerChanged(event));
    }

    @Override
    public void schedule(TrackerTimer timer, MessageId id, int generation, long deadline) {
        agent.at(deadline, () -> engine.onTimer(timer, id, generation, agent.now()));
    }

    @Override
    public void connect(NodeId peer) {
        links.connect(peer).whenComplete((ignored, error) -> {
            metrics.increment(error == null ? "background-connects" : "background-connects-failed");
            if (error != null) {
                LOG.log(Level.DEBUG, "background connect to {0} failed: {1}", peer.shortForm(), error.getMessage());
            }
        });
    }

    @Override
    public void connectDirect(NodeId peer, List<TransportAddress> candidates) {
        links.connectDirect(peer, candidates).whenComplete((ignored, error) -> {
            metrics.increment(error == null ? "direct-paths-opened" : "direct-path-attempts-failed");
            if (error != null) {
                LOG.log(Level.DEBUG, "no direct path to {0}: {1}", peer.shortForm(), error.getMessage());
            }
        });
    }

    @Override
    public void disconnect(NodeId peer) {
        links.disconnect(peer);
    }

    @Override
    public void pathChanged(NodeId peer, org.tomprotocol.api.PathKind from, org.tomprotocol.api.PathKind to,
                            long sinceFirstMillis, long now) {
        org.tomprotocol.api.PathChange change = new org.tomprotocol.api.PathChange(peer, from, to,
                java.time.Duration.ofMillis(sinceFirstMillis), Instant.ofEpochMilli(now));
        metrics.increment("path-changes." + pathLabel(from) + "." + pathLabel(to));
        callbacks.execute(() -> events.pathChanged(change));
    }

    private static String pathLabel(org.tomprotocol.api.PathKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void learnedAddresses(NodeId peer, List<TransportAddress> addresses) {
        links.addAddresses(peer, addresses);
    }

    @Override
    public void count(String counter) {
        metrics.increment(counter);
    }

    @Override
    public void charge(NodeId hop, String counter) {
        metrics.increment(counter);
        if (!hop.equals(local)) {
            budgets.charge(hop);
        }
    }
}
