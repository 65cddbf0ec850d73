package org.tomprotocol.core.runtime;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.Groups;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeEvent;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.NodeMetrics;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.PeerEvent;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.SendRejectedException;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.OutboundState;

/**
 * The application's handle on a running node. Thread-safe; nothing here blocks on the network or waits for
 * the agent: sends are sealed on the worker pool and queued to the agent, with capacity checked up front.
 */
final class NodeFacade implements TomNode, NodeEvents, org.tomprotocol.core.engine.MessageHolder {
    private static final System.Logger LOG = System.getLogger(NodeFacade.class.getName());
    private static final int MAX_AWAITING_READ = 10_000;

    private final NodeParts parts;
    private final int capacity;
    private final int maxPayloadBytes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConcurrentHashMap<MessageId, OutboundHandle> handles = new ConcurrentHashMap<>();
    private final Map<MessageId, OutboundHandle> awaitingRead = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MessageId, OutboundHandle> eldest) {
            return size() > MAX_AWAITING_READ;
        }
    };
    private final EventHub hub;
    private final DurationHistogram deliveryTimes;
    private volatile List<PeerInfo> peerSnapshot = List.of();
    private final EngineGroups groups;

    NodeFacade(NodeParts parts, int capacity, int maxPayloadBytes) {
        this.parts = parts;
        this.capacity = capacity;
        this.maxPayloadBytes = maxPayloadBytes;
        this.hub = new EventHub(parts.runtime().callbacks(), parts.metrics());
        this.deliveryTimes = parts.metrics().histogram("delivery_seconds", Map.of());
        this.groups = new EngineGroups(parts.agent(), parts.engine(), parts.runtime().callbacks(), parts.metrics(),
                parts.ids());
    }

    /** Messages sent and not yet delivered or failed. Any thread. */
    long inFlight() {
        return inFlight.get();
    }

    private InstantSource clock() {
        return parts.runtime().clock();
    }

    @Override
    public NodeId id() {
        return parts.local();
    }

    @Override
    public List<TransportAddress> addresses() {
        return parts.links().localAddresses();
    }

    @Override
    public OutboundMessage send(NodeId recipient, byte[] payload) {
        return send(recipient, payload, (org.tomprotocol.core.engine.Path) null);
    }

    /**
     * Sends along exactly {@code path} even beyond what {@link org.tomprotocol.api.SendOptions} allows: for
     * tests of how the network treats such envelopes.
     */
    OutboundMessage sendVia(NodeId recipient, byte[] payload, org.tomprotocol.core.engine.Path path) {
        return send(recipient, payload, path);
    }

    @Override
    public OutboundMessage send(NodeId recipient, byte[] payload, org.tomprotocol.api.SendOptions options) {
        return send(recipient, payload, options.fixedPath() ? new org.tomprotocol.core.engine.Path(options.relays()) : null);
    }

    private OutboundMessage send(NodeId recipient, byte[] payload, org.tomprotocol.core.engine.Path path) {
        if (closed.get()) {
            throw new SendRejectedException(SendRejectedException.Reason.NODE_CLOSED, "the node is closed");
        }
        if (payload.length > maxPayloadBytes) {
            throw new SendRejectedException(SendRejectedException.Reason.TOO_LARGE, "payload of " + payload.length
                    + " bytes exceeds the node's maximum of " + maxPayloadBytes + " (NodeBuilder.maxPayloadBytes)");
        }
        if (!parts.crypto().isValidPublicKey(recipient)) {
            throw new SendRejectedException(SendRejectedException.Reason.INVALID_RECIPIENT,
                    "recipient " + recipient + " is not a valid Ed25519 public key");
        }
        if (inFlight.incrementAndGet() > capacity) {
            inFlight.decrementAndGet();
            throw new SendRejectedException(SendRejectedException.Reason.QUEUE_FULL, capacity
                    + " messages are already in flight: wait for some to complete or raise sendQueueCapacity");
        }
        parts.metrics().increment("messages-sent");
        MessageId id = parts.ids().get();
        OutboundHandle handle = new OutboundHandle(id, recipient, clock().instant());
        handles.put(id, handle);
        OutboundState message = parts.durable().isDurable() ? accepted(id, recipient, payload, path)
                : new OutboundState(id, recipient, payload.clone(), clock().millis(), path);
        NodeAgent agent = parts.agent();
        agent.offerControl(() -> {
            long now = agent.now();
            if (closed.get() || !parts.engine().submit(message, now)) {
                failLocally(id, DeliveryFailedException.Reason.NODE_CLOSED);
            }
        });
        return handle;
    }

    /**
     * Seals the message and keeps it in the store before {@code send} returns: accepted means durable. Only the
     * sealed payload is stored.
     */
    private OutboundState accepted(MessageId id, NodeId recipient, byte[] payload,
                                   org.tomprotocol.core.engine.Path path) {
        long timestamp = clock().millis();
        try {
            byte[] sealed = parts.signer().seal(recipient, payload);
            parts.durable().accept(id, recipient, timestamp, sealed);
            return OutboundState.sealed(id, recipient, sealed, timestamp, path);
        } catch (java.io.IOException | java.io.UncheckedIOException | org.tomprotocol.spi.crypto.CryptoException e) {
            inFlight.decrementAndGet();
            handles.remove(id);
            parts.metrics().increment("store-errors");
            throw new SendRejectedException(SendRejectedException.Reason.NOT_DURABLE,
                    "the message could not be kept in the node's store, so it was not accepted: " + e.getMessage());
        }
    }

    private void failLocally(MessageId id, DeliveryFailedException.Reason reason) {
        Instant now = clock().instant();
        parts.runtime().callbacks().execute(() -> statusChanged(id, MessageStatus.PENDING, MessageStatus.FAILED, now, reason));
    }

    @Override
    public void markRead(InboundMessage message) {
        if (!closed.get()) {
            NodeAgent agent = parts.agent();
            agent.offerControl(() -> parts.engine().markRead(message, agent.now()));
        }
    }

    @Override
    public void addPeer(PeerAddress peer) {
        // kept at once, like the bootstrap peers: a node stopped before its next peer-book write still rejoins
        parts.durable().peers(List.of(peer), clock().millis());
        NodeAgent agent = parts.agent();
        agent.offerControl(() -> {
            parts.engine().addPeer(peer.id(), peer.addresses(), agent.now());
            parts.discovery().join(List.of(peer), agent.now());
        });
    }

    @Override
    public Flow.Publisher<InboundMessage> messages() {
        return hub.messages();
    }

    @Override
    public AutoCloseable onMessage(Consumer<? super InboundMessage> listener) {
        return hub.listen(hub.messages(), listener);
    }

    @Override
    public Flow.Publisher<NodeEvent> events() {
        return hub.events();
    }

    @Override
    public List<PeerInfo> peers() {
        return peerSnapshot;
    }

    @Override
    public java.util.concurrent.CompletionStage<List<org.tomprotocol.api.PeerStanding>> standings() {
        java.util.concurrent.CompletableFuture<List<org.tomprotocol.api.PeerStanding>> result =
                new java.util.concurrent.CompletableFuture<>();
        parts.agent().offerControl(() -> {
            List<org.tomprotocol.api.PeerStanding> standings = parts.engine().standings(parts.agent().now());
            parts.runtime().callbacks().execute(() -> result.complete(standings));
        });
        return result;
    }

    /** Publishes a fresh snapshot of the peer table (agent thread). */
    void refreshPeers() {
        List<PeerInfo> snapshot = new ArrayList<>();
        parts.engine().peers().all().forEach(peer -> snapshot.add(new PeerInfo(peer.id(), peer.username(), peer.state(),
                Instant.ofEpochMilli(peer.lastSeen()), peer.addresses(), peer.hasSession())));
        peerSnapshot = List.copyOf(snapshot);
    }

    @Override
    public Groups groups() {
        return groups;
    }

    @Override
    public NodeMetrics metrics() {
        return parts.metrics().snapshot();
    }

    @Override
    public void delivered(InboundMessage message) {
        try {
            // remembered before the application sees it: after a restart, a copy is acknowledged, not shown again
            parts.durable().delivered(message.sender(), message.id(), message.sentAt().toEpochMilli());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            parts.metrics().increment("store-errors");
            LOG.log(System.Logger.Level.WARNING, "a delivered message could not be remembered in the store: {0}",
                    e.getMessage());
        }
        hub.publishMessage(message);
    }

    @Override
    public void statusChanged(MessageId id, MessageStatus previous, MessageStatus current, Instant at,
                              DeliveryFailedException.Reason failure) {
        if (current == MessageStatus.READ) {
            parts.metrics().increment("messages.read");
        }
        if (current.isDelivered()
                || current == MessageStatus.FAILED && failure != DeliveryFailedException.Reason.NODE_CLOSED) {
            parts.durable().ended(id);
        }
        OutboundHandle handle = handles.get(id);
        if (handle == null) {
            handle = awaitingRead.remove(id);
            if (handle != null) {
                handle.apply(previous, current, at, failure);
            }
            return;
        }
        // counted before the handle completes the application's future, so whoever waits on it sees the count
        if (!handle.settled() && current.isDelivered()) {
            parts.metrics().increment("messages.delivered");
            // both instants come from the node's clock: virtual in simulations, so these are exact there
            deliveryTimes.record(java.time.Duration.between(handle.sentAt(), at).toNanos());
        } else if (!handle.settled() && current == MessageStatus.FAILED) {
            parts.metrics().increment("messages.failed." + reasonKey(failure));
        }
        if (handle.apply(previous, current, at, failure)) {
            inFlight.decrementAndGet();
            handles.remove(id);
            if (current.isDelivered() && current != MessageStatus.READ) {
                awaitingRead.put(id, handle);
            }
        }
    }

    /**
     * Forgets the delivered messages sent before {@code oldest} whose read receipt never came (lock 2: nothing of a
     * message is kept past its 24 h); on the event thread, like every change to the handles.
     */
    void forgetSentBefore(Instant oldest) {
        awaitingRead.values().removeIf(handle -> handle.sentAt().isBefore(oldest));
    }

    /** What this node still holds of messages, engine and handles together: 0 once every message is 24 h old. */
    @Override
    public int messagesHeld() {
        return handles.size() + awaitingRead.size() + parts.engine().messagesHeld();
    }

    /** Messages this node is still trying to deliver, resumed ones included (tests, diagnostics). */
    int messagesInFlight() {
        return parts.engine().tracker().inFlightCount();
    }

    /** Bytes of other nodes' messages this node holds for their recipients (tests, diagnostics). */
    long backupBytesHeld() {
        return parts.engine().backupBytesHeld();
    }

    /** Whether this node holds a copy of another node's message {@code id} for its recipient (tests, diagnostics). */
    boolean holdsBackupOf(MessageId id) {
        return parts.engine().backupCopiesHeld(id) > 0;
    }

    private static String reasonKey(DeliveryFailedException.Reason reason) {
        return reason == null ? "unknown" : reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public void routed(MessageId id, List<NodeId> relays) {
        OutboundHandle handle = handles.get(id);
        if (handle != null) {
            handle.routed(relays);
        }
    }

    @Override
    public void failed(org.tomprotocol.api.NodeFailure failure) {
        hub.publishEvent(failure);
    }

    @Override
    public java.util.Optional<org.tomprotocol.api.NodeFailure> failure() {
        return parts.health().failure();
    }

    @Override
    public void peerChanged(PeerEvent event) {
        hub.publishEvent(event);
    }

    @Override
    public void pathChanged(org.tomprotocol.api.PathChange change) {
        hub.publishEvent(change);
    }

    @Override
    public void backup(org.tomprotocol.api.BackupEvent event) {
        hub.publishEvent(event);
    }

    @Override
    public void published(org.tomprotocol.api.NodeEvent event) {
        hub.publishEvent(event);
    }

    @Override
    public void group(org.tomprotocol.api.GroupEvent event) {
        if (event instanceof org.tomprotocol.api.GroupEvent.MessageReceived received) {
            try {
                // remembered before the application sees it: after a restart, the group does not show it again
                parts.durable().groups().shown(received.message(), parts.agent().now());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                parts.metrics().increment("store-errors");
                LOG.log(System.Logger.Level.WARNING, "a group post shown could not be remembered in the store: {0}",
                        e.getMessage());
            }
        }
        groups.onEvent(event);
    }

    @Override
    public void groupsChanged(List<org.tomprotocol.api.GroupInfo> infos, List<org.tomprotocol.api.GroupInvite> invites) {
        groups.onChanged(infos, invites);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            parts.shutdown(() -> {
                groups.close();
                hub.close();
            });
        }
    }

    @Override
    public String toString() {
        return "TomNode[" + parts.local().shortForm() + "]";
    }
}
