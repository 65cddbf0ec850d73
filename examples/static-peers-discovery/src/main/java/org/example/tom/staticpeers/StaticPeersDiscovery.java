package org.example.tom.staticpeers;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.example.tom.staticpeers.Frames.Frame;
import org.example.tom.staticpeers.Frames.Hello;
import org.example.tom.staticpeers.Frames.MalformedFrameException;
import org.example.tom.staticpeers.Frames.Payload;
import org.example.tom.staticpeers.Frames.Peers;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.Validation;
import org.tomprotocol.spi.state.ExpiringSet;

/**
 * The {@code static} discovery of one node, a pure state machine: the engine's agent calls it with the time, one
 * call at a time, and it acts only through its {@link DiscoveryContext} — no clock, no threads, no I/O.
 *
 * <p><b>Membership.</b> The listed peers (the peers file, the bootstrap peers and those given to {@link #join}) are
 * greeted at start and greeted again every redial interval while they are not neighbours. A node that greets this
 * one becomes a neighbour (a listed one always; another while fewer than {@code static.max-learned-peers} such
 * neighbours are held), is told of this node's other neighbours, and they of it, so the nodes of a group end up
 * fully meshed and a broadcast still reaches everyone when a node is lost. Peers heard of from a neighbour are
 * greeted once in a while, within the same bound.
 *
 * <p><b>Broadcast.</b> A payload is passed to every neighbour but the one it came from, once the node accepted it
 * ({@link Validation#ACCEPT}); each payload is judged once (remembered by its SHA-256 for
 * {@value #SEEN_TTL_MILLIS} ms). A payload the node rejects counts against the neighbour that sent it.
 *
 * <p><b>Hostile input.</b> A malformed frame is counted ({@code rejected.<reason>}) and dropped; frames that an honest
 * node may send in an unlucky order (peers before its greeting) or beyond this node's limits are dropped as
 * {@code shed}, never held against the sender. Every table is bounded.
 */
final class StaticPeersDiscovery implements Discovery {
    static final long SEEN_TTL_MILLIS = 120_000;
    static final int SEEN_CAPACITY = 4_096;
    /** How long a peer heard of from a neighbour is left alone after it was greeted. */
    static final long LEARNED_GREETING_TTL_MILLIS = 30_000;

    private final DiscoveryContext context;
    private final StaticPeersSettings settings;
    private final List<PeerAddress> filePeers;
    private final Map<NodeId, List<TransportAddress>> neighbors = new LinkedHashMap<>();
    private final Map<NodeId, PeerAddress> listed = new LinkedHashMap<>();
    private final Map<NodeId, Long> nextGreeting = new LinkedHashMap<>();
    private final ExpiringSet<NodeId> greetedLearned;
    private final ExpiringSet<ByteBuffer> seen = new ExpiringSet<>(SEEN_TTL_MILLIS, SEEN_CAPACITY);
    private final PendingValidations validations = new PendingValidations();
    private final MessageDigest sha256;

    StaticPeersDiscovery(DiscoveryContext context, StaticPeersSettings settings, List<PeerAddress> filePeers) {
        this.context = context;
        this.settings = settings;
        this.filePeers = List.copyOf(filePeers);
        this.greetedLearned = new ExpiringSet<>(LEARNED_GREETING_TTL_MILLIS, Math.max(1, settings.maxLearnedPeers()));
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void start(long nowMillis) {
        List<PeerAddress> peers = new ArrayList<>(filePeers);
        peers.addAll(context.bootstrap());
        join(peers, nowMillis);
    }

    @Override
    public void join(Collection<PeerAddress> peers, long nowMillis) {
        for (PeerAddress peer : peers) {
            if (peer.id().equals(context.localId())) {
                continue;
            }
            PeerAddress known = listed.get(peer.id());
            PeerAddress merged = known == null ? peer : new PeerAddress(peer.id(),
                    new ArrayList<>(new LinkedHashSet<>(concat(known.addresses(), peer.addresses()))));
            listed.put(peer.id(), merged);
            context.learnAddresses(merged);
            if (!neighbors.containsKey(peer.id())) {
                greet(peer.id());
                nextGreeting.put(peer.id(), nowMillis + settings.redialIntervalMillis());
            }
        }
    }

    @Override
    public void onFrame(NodeId from, byte[] frame, long nowMillis) {
        if (from.equals(context.localId())) {
            context.rejected(from, "from-self");
            return;
        }
        Frame decoded;
        try {
            decoded = Frames.decode(frame);
        } catch (MalformedFrameException e) {
            context.rejected(from, e.reason());
            return;
        }
        switch (decoded) {
            case Hello hello -> onHello(from, hello, nowMillis);
            case Peers peers -> onPeers(from, peers.peers(), nowMillis);
            case Payload payload -> onPayload(from, payload.payload(), nowMillis);
        }
    }

    private void onHello(NodeId from, Hello hello, long now) {
        boolean known = neighbors.containsKey(from);
        if (!known && !listed.containsKey(from) && learnedNeighbors() >= settings.maxLearnedPeers()) {
            context.shed(from, "neighbor-limit");
            return;
        }
        neighbors.put(from, hello.addresses());
        if (!known) {
            nextGreeting.remove(from);
            context.neighborUp(from);
        }
        if (hello.answerWanted()) {
            context.send(from, Frames.hello(false, context.localAddresses()));
        }
        if (!known) {
            introduce(from, hello.addresses());
        }
    }

    /** Tells a new neighbour of the others, and the others of it, so that the group meshes. */
    private void introduce(NodeId newcomer, List<TransportAddress> addresses) {
        List<PeerAddress> others = new ArrayList<>();
        neighbors.forEach((id, known) -> {
            if (!id.equals(newcomer)) {
                others.add(new PeerAddress(id, known));
            }
        });
        if (!others.isEmpty()) {
            context.send(newcomer, Frames.peers(others));
        }
        if (!addresses.isEmpty()) {
            byte[] aboutNewcomer = Frames.peers(List.of(new PeerAddress(newcomer, addresses)));
            others.forEach(other -> context.send(other.id(), aboutNewcomer));
        }
    }

    private void onPeers(NodeId from, List<PeerAddress> peers, long now) {
        if (!neighbors.containsKey(from)) {
            // frames of one session may arrive in any order: its greeting may still be on the way
            context.shed(from, "peers-before-hello");
            return;
        }
        greetedLearned.purge(now);
        for (PeerAddress peer : peers) {
            NodeId id = peer.id();
            if (id.equals(context.localId()) || neighbors.containsKey(id) || listed.containsKey(id)
                    || greetedLearned.contains(id, now)) {
                continue;
            }
            if (learnedNeighbors() + greetedLearned.size() >= settings.maxLearnedPeers()) {
                context.shed(from, "neighbor-limit");
                return;
            }
            greetedLearned.add(id, now);
            context.learnAddresses(peer);
            greet(id);
        }
    }

    private void onPayload(NodeId from, byte[] payload, long now) {
        ByteBuffer digest = digest(payload);
        if (seen.contains(digest, now)) {
            return;
        }
        long ticket = validations.issue(from, payload, now);
        if (ticket < 0) {
            context.shed(from, "validation-backlog");
            return;
        }
        seen.add(digest, now);
        context.validate(ticket, from, payload);
    }

    @Override
    public void onValidated(long ticket, Validation verdict, long nowMillis) {
        PendingValidations.Pending pending = validations.answer(ticket, nowMillis);
        if (pending == null) {
            return;
        }
        switch (verdict) {
            case ACCEPT -> spread(Frames.payload(pending.payload()), pending.from());
            case REJECT -> context.rejected(pending.from(), "invalid-payload");
            default -> {
                // IGNORE (valid, not worth spreading: the neighbour may have seen it before this node did), and
                // any verdict a later ToM adds: nothing travels that the node did not accept
            }
        }
    }

    @Override
    public void broadcast(byte[] payload, long nowMillis) {
        if (payload.length > Frames.MAX_PAYLOAD_BYTES || !seen.add(digest(payload), nowMillis)) {
            return;
        }
        spread(Frames.payload(payload), null);
    }

    private void spread(byte[] frame, NodeId except) {
        for (NodeId neighbor : neighbors.keySet()) {
            if (!neighbor.equals(except)) {
                context.send(neighbor, frame);
            }
        }
    }

    @Override
    public void onConnected(NodeId peer, long nowMillis) {
        // a session alone makes no neighbour: a greeting does
    }

    @Override
    public void onDisconnected(NodeId peer, long nowMillis) {
        if (neighbors.remove(peer) != null) {
            context.neighborDown(peer);
        }
        if (listed.containsKey(peer)) {
            nextGreeting.put(peer, nowMillis + settings.redialIntervalMillis());
        }
    }

    @Override
    public long onTimer(long nowMillis) {
        validations.expire(nowMillis);
        long next = validations.nextExpiry();
        for (Map.Entry<NodeId, Long> due : nextGreeting.entrySet()) {
            if (due.getValue() <= nowMillis) {
                greet(due.getKey());
                due.setValue(nowMillis + settings.redialIntervalMillis());
            }
            next = Math.min(next, due.getValue());
        }
        return next;
    }

    @Override
    public Set<NodeId> neighbors() {
        return Set.copyOf(neighbors.keySet());
    }

    /** How many neighbours this node holds beyond its listed peers. */
    private int learnedNeighbors() {
        int count = 0;
        for (NodeId id : neighbors.keySet()) {
            if (!listed.containsKey(id)) {
                count++;
            }
        }
        return count;
    }

    private void greet(NodeId peer) {
        context.send(peer, Frames.hello(true, context.localAddresses()));
    }

    private ByteBuffer digest(byte[] payload) {
        return ByteBuffer.wrap(sha256.digest(payload));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
