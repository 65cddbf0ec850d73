package org.tomprotocol.discovery.gossip;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.discovery.gossip.hyparview.HyParView;
import org.tomprotocol.discovery.gossip.hyparview.MembershipEffects;
import org.tomprotocol.discovery.gossip.plumtree.BroadcastEffects;
import org.tomprotocol.discovery.gossip.plumtree.PlumTree;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame;
import org.tomprotocol.discovery.gossip.wire.Frame;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;
import org.tomprotocol.discovery.gossip.wire.MalformedFrameException;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.Validation;

/**
 * One node's gossip discovery: decodes frames, hands them to HyParView or PlumTree, and turns their effects
 * into calls on the {@link DiscoveryContext}. HyParView's neighbours are PlumTree's; a neighbour coming up
 * or going down is told to both and to the engine. Broadcast payloads are spread only once the node has
 * validated them ({@link DiscoveryContext#validate}, {@link #onValidated}). Malformed or hostile input is
 * counted through {@link DiscoveryContext#rejected} and never throws.
 */
final class GossipDiscovery implements Discovery {
    private static final System.Logger LOG = System.getLogger(GossipDiscovery.class.getName());

    /**
     * Refusals an honest neighbour can meet — this node's backlog or rates, a view change it has not seen yet, a
     * newer wire version — which are counted but never held against it.
     */
    private static final java.util.Set<String> OWN_LIMITS = java.util.Set.of("validation-backlog",
            "membership-rate", "peers-from-non-neighbor", "unasked-shuffle-reply", "unsupported-version",
            "unknown-type");

    private final DiscoveryContext context;
    private final FrameCodec codec;
    private final PlumTree broadcast;
    private final HyParView membership;
    private long now;

    GossipDiscovery(DiscoveryContext context, GossipSettings settings) {
        this.context = context;
        this.codec = new FrameCodec(settings.broadcast().maxPayloadBytes());
        this.broadcast = new PlumTree(settings.broadcast(), new BroadcastOutput());
        this.membership = new HyParView(context.localId(), settings.membership(), context.random(),
                new MembershipOutput());
    }

    @Override
    public void start(long nowMillis) {
        now = nowMillis;
        membership.start(context.bootstrap(), nowMillis);
    }

    @Override
    public void join(Collection<PeerAddress> peers, long nowMillis) {
        now = nowMillis;
        membership.join(peers, nowMillis);
    }

    @Override
    public void onFrame(NodeId from, byte[] frame, long nowMillis) {
        now = nowMillis;
        if (from.equals(context.localId())) {
            reject(from, "from-self", "a frame claims to come from this node");
            return;
        }
        Frame decoded;
        try {
            decoded = codec.decode(frame);
        } catch (MalformedFrameException e) {
            reject(from, e.reason(), e.getMessage());
            return;
        }
        try {
            switch (decoded) {
                case MembershipFrame membershipFrame -> membership.onFrame(from, membershipFrame, nowMillis);
                case BroadcastFrame broadcastFrame -> broadcast.onFrame(from, broadcastFrame, nowMillis);
            }
        } catch (RuntimeException e) {
            // A bug, not the peer's fault; the contract still forbids letting it escape into the engine.
            LOG.log(Level.WARNING, "gossip discovery failed on a frame from " + from.shortForm(), e);
            context.shed(from, "internal-error");
        }
    }

    @Override
    public void onConnected(NodeId peer, long nowMillis) {
        now = nowMillis;
        membership.onConnected(peer, nowMillis);
    }

    @Override
    public void onDisconnected(NodeId peer, long nowMillis) {
        now = nowMillis;
        membership.onDisconnected(peer, nowMillis);
    }

    @Override
    public void onValidated(long ticket, Validation verdict, long nowMillis) {
        now = nowMillis;
        try {
            broadcast.onValidated(ticket, verdict, nowMillis);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "gossip discovery failed on a validation verdict", e);
        }
    }

    @Override
    public void broadcast(byte[] payload, long nowMillis) {
        now = nowMillis;
        if (!broadcast.broadcast(payload, nowMillis)) {
            LOG.log(Level.DEBUG, "broadcast of {0} bytes not sent: seen recently or over {1} bytes",
                    payload.length, codec.maxPayloadBytes());
        }
    }

    @Override
    public long onTimer(long nowMillis) {
        now = nowMillis;
        membership.onTimer(nowMillis);
        broadcast.onTimer(nowMillis);
        return Math.min(membership.nextDeadline(), broadcast.nextDeadline());
    }

    @Override
    public Set<NodeId> neighbors() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(membership.activeView()));
    }

    /** The broadcast state machine, for tests that look at what a node holds. */
    PlumTree broadcastState() {
        return broadcast;
    }

    /** The membership state machine, for tests that look at what a node holds. */
    HyParView membershipState() {
        return membership;
    }

    private void reject(NodeId from, String reason, String detail) {
        LOG.log(Level.DEBUG, "refused discovery input from {0}: {1} ({2})", from.shortForm(), detail, reason);
        if (OWN_LIMITS.contains(reason)) {
            context.shed(from, reason);
        } else {
            context.rejected(from, reason);
        }
    }

    private final class MembershipOutput implements MembershipEffects {
        @Override
        public List<TransportAddress> localAddresses() {
            return context.localAddresses();
        }

        @Override
        public void send(NodeId peer, MembershipFrame frame) {
            context.send(peer, codec.encode(frame));
        }

        @Override
        public void learned(PeerAddress peer) {
            context.learnAddresses(peer);
        }

        @Override
        public void neighborUp(NodeId peer) {
            broadcast.neighborUp(peer, now);
            context.neighborUp(peer);
        }

        @Override
        public void neighborDown(NodeId peer) {
            broadcast.neighborDown(peer);
            context.neighborDown(peer);
        }

        @Override
        public void rejected(NodeId from, String reason) {
            reject(from, reason, "membership frame refused");
        }
    }

    private final class BroadcastOutput implements BroadcastEffects {
        @Override
        public void send(NodeId peer, BroadcastFrame frame) {
            context.send(peer, codec.encode(frame));
            membership.noteSent(peer, now);
        }

        @Override
        public void validate(long ticket, NodeId from, byte[] payload) {
            context.validate(ticket, from, payload);
        }

        @Override
        public void rejected(NodeId from, String reason) {
            reject(from, reason, "broadcast input refused");
        }
    }
}
