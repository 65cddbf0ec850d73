package org.tomprotocol.discovery.gossip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.discovery.gossip.wire.Frame;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Join;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;

/**
 * A hostile peer on an {@link EngineCluster}'s network: a real identity with its own transport, so what it
 * sends is authenticated as coming from it, but frames crafted by the test instead of a discovery. It ignores
 * whatever it is sent.
 */
final class HostilePeer {
    static final TomV1Suite SUITE = new TomV1Suite();

    final LocalIdentity identity;
    final TransportAddress address;
    private final Transport transport;
    /** Encodes whatever the test asks for, even payloads over what the nodes accept. */
    private final FrameCodec codec = new FrameCodec(1 << 20);

    HostilePeer(EngineCluster cluster, String name) throws Exception {
        byte[] seed = new byte[32];
        byte[] nameBytes = ("hostile " + name).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, seed, 0, Math.min(nameBytes.length, 32));
        this.identity = SUITE.identityFromSeed(seed);
        this.address = TransportAddress.parse("mem:" + name);
        this.transport = cluster.network.transportProvider().bind(new TransportContext(identity, SUITE,
                List.of(address), 1 << 20, Map.of(), org.tomprotocol.testkit.FrameListeners.ignoring()));
    }

    NodeId id() {
        return identity.id();
    }

    /** Joins {@code victim}'s overlay as HyParView's contact protocol says, so it becomes an active neighbour. */
    void join(EngineCluster cluster, TomNode victim) {
        transport.addPeerAddresses(victim.id(), cluster.address(victim).addresses());
        send(victim, new Join(List.of(address)));
    }

    void send(TomNode to, Frame frame) {
        sendBytes(to, codec.encode(frame));
    }

    void sendBytes(TomNode to, byte[] frame) {
        transport.send(to.id(), FrameChannel.DISCOVERY, frame);
    }
}
