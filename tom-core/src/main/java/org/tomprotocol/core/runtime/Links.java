package org.tomprotocol.core.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportException;

/**
 * The node's bound transports seen as one: which transport holds the session to each peer, and which one to
 * dial when none does. Thread-safe (called from workers, transport threads and the agent).
 */
final class Links {
    private static final System.Logger LOG = System.getLogger(Links.class.getName());
    /** A bound transport and the address scheme it serves. */
    record Bound(String scheme, Transport transport) {
    }

    private final List<Bound> transports = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * The transports holding a session to each peer, the latest last: it carries the frames (a browser's DataChannel
     * after its WebSocket), and when it ends the one before takes over.
     */
    private final ConcurrentHashMap<NodeId, List<Transport>> sessions = new ConcurrentHashMap<>();
    /** Peers whose transport schemes are remembered at most; past it, those without a session are forgotten. */
    private static final int MAX_KNOWN_PEERS = 65_536;

    private final ConcurrentHashMap<NodeId, Set<String>> knownSchemes = new ConcurrentHashMap<>();

    /** Adds a bound transport; done while the node is assembled. */
    void add(Bound bound) {
        transports.add(bound);
    }

    List<Bound> bound() {
        return transports;
    }

    void sessionUp(NodeId peer, Transport transport) {
        sessions.compute(peer, (ignored, current) -> {
            List<Transport> next = new ArrayList<>(current == null ? List.of() : current);
            next.remove(transport);
            next.add(transport);
            return List.copyOf(next);
        });
    }

    void sessionDown(NodeId peer, Transport transport) {
        sessions.computeIfPresent(peer, (ignored, current) -> {
            List<Transport> next = new ArrayList<>(current);
            next.remove(transport);
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    boolean hasSession(NodeId peer) {
        return sessions.containsKey(peer);
    }

    void addAddresses(NodeId peer, Collection<TransportAddress> addresses) {
        if (knownSchemes.size() >= MAX_KNOWN_PEERS && !knownSchemes.containsKey(peer)) {
            // hearsay about many peers must not grow this map without bound; a forgotten peer is dialled
            // through the first transport, and its own transport relearns it from the next announce
            knownSchemes.keySet().removeIf(known -> !sessions.containsKey(known));
        }
        for (Bound bound : transports) {
            List<TransportAddress> matching = addresses.stream()
                    .filter(a -> a.scheme().equals(bound.scheme())).toList();
            if (!matching.isEmpty()) {
                knownSchemes.computeIfAbsent(peer, ignored -> ConcurrentHashMap.newKeySet()).add(bound.scheme());
                bound.transport().addPeerAddresses(peer, matching);
            }
        }
    }

    CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
        Transport transport = route(peer);
        if (transport == null) {
            return CompletableFuture.failedFuture(new TransportException("no transport can reach " + peer.shortForm()));
        }
        try {
            return transport.send(peer, channel, frame);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new TransportException("transport failed to send", e));
        }
    }

    /** Opens a direct session to {@code peer} through the transport that understands the candidates. */
    CompletionStage<Void> connectDirect(NodeId peer, List<TransportAddress> candidates) {
        for (Bound bound : transports) {
            List<TransportAddress> matching = candidates.stream()
                    .filter(a -> a.scheme().equals(bound.scheme())).toList();
            if (!matching.isEmpty()) {
                return bound.transport().connectDirect(peer, matching);
            }
        }
        return CompletableFuture.failedFuture(new TransportException("no transport understands the candidates of "
                + peer.shortForm()));
    }

    /**
     * Hands signalling to the first transport that sets its sessions up through the node; false if none does. What
     * it throws is its own failure, not the node's: counted and dropped.
     */
    boolean signalled(NodeId from, org.tomprotocol.spi.transport.Signal signal) {
        for (Bound bound : transports) {
            if (bound.transport().capabilities().contains(org.tomprotocol.spi.transport.TransportCapability.SIGNALLED)) {
                try {
                    bound.transport().onSignal(from, signal);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "transport " + bound.scheme() + " failed on a signal", e);
                }
                return true;
            }
        }
        return false;
    }

    /** Closes every session to {@code peer}. */
    void disconnect(NodeId peer) {
        for (Bound bound : transports) {
            bound.transport().disconnect(peer);
        }
    }

    CompletionStage<Void> connect(NodeId peer) {
        Transport transport = route(peer);
        return transport == null
                ? CompletableFuture.failedFuture(new TransportException("no address known for " + peer.shortForm()))
                : transport.connect(peer);
    }

    /** The transport that carries frames to {@code peer} now, or {@code null}. */
    Transport carrier(NodeId peer) {
        return route(peer);
    }

    private Transport route(NodeId peer) {
        List<Transport> session = sessions.get(peer);
        if (session != null) {
            return session.get(session.size() - 1);
        }
        Set<String> schemes = knownSchemes.get(peer);
        for (Bound bound : transports) {
            if (schemes != null && schemes.contains(bound.scheme())) {
                return bound.transport();
            }
        }
        return transports.isEmpty() ? null : transports.get(0).transport();
    }

    List<TransportAddress> localAddresses() {
        Set<TransportAddress> all = new LinkedHashSet<>();
        for (Bound bound : transports) {
            all.addAll(bound.transport().localAddresses());
        }
        return new ArrayList<>(all);
    }

    void closeAll() {
        for (Bound bound : transports) {
            try {
                bound.transport().close();
            } catch (RuntimeException e) {
                System.getLogger(Links.class.getName()).log(System.Logger.Level.WARNING,
                        "closing transport " + bound.scheme() + " failed: " + e);
            }
        }
    }
}
