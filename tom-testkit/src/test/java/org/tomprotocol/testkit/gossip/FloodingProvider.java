package org.tomprotocol.testkit.gossip;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.spi.discovery.Validation;

/**
 * A deliberately simple discovery for testing the simulator: a node greets its bootstrap peers, whoever
 * greets it becomes a neighbour, and broadcasts flood every neighbour once they are validated. With each node
 * joining through one earlier node the overlay is a tree, so every number the simulator reports can be
 * predicted.
 */
public final class FloodingProvider implements DiscoveryProvider {
    private static final byte HELLO = 0;
    private static final byte PAYLOAD = 1;

    final Map<NodeId, Flooding> nodes = new LinkedHashMap<>();

    @Override
    public String id() {
        return "flood";
    }

    @Override
    public Discovery create(DiscoveryContext context) {
        Flooding flooding = new Flooding(context);
        nodes.put(context.localId(), flooding);
        return flooding;
    }

    /** A payload's frame and sender, awaiting the host's verdict. */
    private record Awaiting(byte[] frame, NodeId from) {
    }

    /** One node's flooding discovery, with a log of what its host told it. */
    static final class Flooding implements Discovery {
        final DiscoveryContext context;
        final Set<NodeId> neighbors = new LinkedHashSet<>();
        final List<String> log = new ArrayList<>();
        private final Set<ByteBuffer> seen = new HashSet<>();
        private final Map<Long, Awaiting> awaitingVerdict = new LinkedHashMap<>();
        private long nextTicket;

        Flooding(DiscoveryContext context) {
            this.context = context;
        }

        @Override
        public void start(long nowMillis) {
            join(context.bootstrap(), nowMillis);
        }

        @Override
        public void join(Collection<PeerAddress> peers, long nowMillis) {
            for (PeerAddress peer : peers) {
                neighbors.add(peer.id());
                context.send(peer.id(), new byte[] {HELLO});
            }
        }

        @Override
        public void onFrame(NodeId from, byte[] frame, long nowMillis) {
            log.add(nowMillis + " frame " + from.shortForm());
            if (frame.length == 1 && frame[0] == HELLO) {
                neighbors.add(from);
                context.neighborUp(from);
            } else if (frame.length > 1 && frame[0] == PAYLOAD) {
                byte[] payload = Arrays.copyOfRange(frame, 1, frame.length);
                if (seen.add(ByteBuffer.wrap(payload))) {
                    long ticket = nextTicket++;
                    awaitingVerdict.put(ticket, new Awaiting(frame, from));
                    context.validate(ticket, from, payload);
                }
            } else {
                context.rejected(from, "unknown-frame");
            }
        }

        @Override
        public void onConnected(NodeId peer, long nowMillis) {
            log.add(nowMillis + " connected " + peer.shortForm());
        }

        @Override
        public void onDisconnected(NodeId peer, long nowMillis) {
            log.add(nowMillis + " disconnected " + peer.shortForm());
            neighbors.remove(peer);
        }

        @Override
        public void onValidated(long ticket, Validation verdict, long nowMillis) {
            Awaiting awaiting = awaitingVerdict.remove(ticket);
            log.add(nowMillis + " " + verdict.name().toLowerCase(java.util.Locale.ROOT));
            if (awaiting != null && verdict == Validation.ACCEPT) {
                flood(awaiting.frame(), awaiting.from());
            }
        }

        @Override
        public void broadcast(byte[] payload, long nowMillis) {
            seen.add(ByteBuffer.wrap(payload.clone()));
            byte[] frame = new byte[payload.length + 1];
            frame[0] = PAYLOAD;
            System.arraycopy(payload, 0, frame, 1, payload.length);
            flood(frame, null);
        }

        private void flood(byte[] frame, NodeId except) {
            for (NodeId neighbor : neighbors) {
                if (!neighbor.equals(except)) {
                    context.send(neighbor, frame);
                }
            }
        }

        @Override
        public long onTimer(long nowMillis) {
            return Long.MAX_VALUE;
        }

        @Override
        public Set<NodeId> neighbors() {
            return Set.copyOf(neighbors);
        }
    }
}
