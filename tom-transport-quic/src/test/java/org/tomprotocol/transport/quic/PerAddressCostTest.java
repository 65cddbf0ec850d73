package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * Attack 8 of issue 12, transport side: one address opening connection after connection, or showing up under
 * identity after identity, and a per-peer table that only grew. Hostile nodes listen on 127.0.0.2 and honest
 * ones on 127.0.0.3 (Linux routes all of 127.0.0.0/8 to loopback), so the victim tells them apart.
 */
class PerAddressCostTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final TestNodes nodes = new TestNodes();

    @Test
    void connectionsFromOneAddressBeyondItsCapAreRefusedAndCountedWhileAnotherAddressConnects() throws Exception {
        Node victim = nodes.start(Map.of(QuicLimits.LIMIT_LOOPBACK, "true",
                QuicLimits.MAX_CONNECTIONS_PER_ADDRESS, "4", QuicOptions.HANDSHAKE_TIMEOUT, "2000"));
        Node hostile = nodes.startOn("127.0.0.2", Map.of());

        List<Future<QuicChannel>> dials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            dials.add(rawDial(hostile, victim));
        }

        int established = 0;
        for (Future<QuicChannel> dial : dials) {
            established += dial.await(WAIT.toMillis()) && dial.isSuccess() ? 1 : 0;
        }
        assertThat(established).isEqualTo(4);
        assertThat(victim.listener().count("shed", "connections-per-address")).isPositive();
        Node honest = nodes.startOn("127.0.0.3", Map.of());
        TestNodes.introduce(honest, victim);
        QuicSessionTest.await(honest.transport().send(victim.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("hi")));
        assertThat(QuicSessionTest.text(victim.listener().nextFrame(WAIT).payload())).isEqualTo("hi");
    }

    @Test
    void identitiesFromOneAddressBeyondItsCapAreRefusedUntilOneLeaves() throws Exception {
        Node victim = nodes.start(Map.of(QuicLimits.LIMIT_LOOPBACK, "true", QuicLimits.MAX_IDENTITIES_PER_ADDRESS, "2"));
        List<Node> sybils = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Node sybil = nodes.startOn("127.0.0.2", Map.of());
            TestNodes.introduce(sybil, victim);
            sybil.transport().connect(victim.id());
            sybils.add(sybil);
        }

        TestNodes.eventually(WAIT, "two identities refused",
                () -> victim.listener().count("shed", "identities-per-address") >= 2);
        List<NodeId> admitted = sybils.stream().map(Node::id).filter(victim.transport()::isConnected).toList();
        assertThat(admitted).hasSize(2);
        Node honest = nodes.startOn("127.0.0.3", Map.of());
        TestNodes.introduce(honest, victim);
        QuicSessionTest.await(honest.transport().connect(victim.id()));
        TestNodes.eventually(WAIT, "the honest address is let in", () -> victim.transport().isConnected(honest.id()));

        // a cap, not a ban: once an admitted identity leaves, a refused one gets in
        Node leaving = sybils.stream().filter(s -> admitted.contains(s.id())).findFirst().orElseThrow();
        Node refused = sybils.stream().filter(s -> !admitted.contains(s.id())).findFirst().orElseThrow();
        leaving.transport().close();
        TestNodes.eventually(WAIT, "the leaving identity is gone", () -> !victim.transport().isConnected(leaving.id()));
        QuicSessionTest.await(refused.transport().send(victim.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("in")));
        TestNodes.eventually(WAIT, "the refused identity got in", () -> victim.transport().isConnected(refused.id()));
    }

    @Test
    void loopbackPeersAreNotCountedByDefault() throws Exception {
        Node victim = nodes.start(Map.of(QuicLimits.MAX_IDENTITIES_PER_ADDRESS, "1"));
        Node first = nodes.start();
        Node second = nodes.start();
        TestNodes.introduce(first, victim);
        TestNodes.introduce(second, victim);

        QuicSessionTest.await(first.transport().connect(victim.id()));
        QuicSessionTest.await(second.transport().connect(victim.id()));

        TestNodes.eventually(WAIT, "both connected",
                () -> victim.transport().isConnected(first.id()) && victim.transport().isConnected(second.id()));
        assertThat(victim.listener().count("shed", "identities-per-address")).isZero();
    }

    @Test
    void aPeerWithNothingGoingOnIsDroppedFromTheTableAndItsAddressesStayKnown() throws Exception {
        Node victim = nodes.start(Map.of(QuicLimits.PEER_LINGER, "200"));
        Node peer = nodes.start();
        TestNodes.introduce(victim, peer);
        QuicSessionTest.await(victim.transport().connect(peer.id()));
        assertThat(victim.transport().load().links()).isEqualTo(1);

        victim.transport().disconnect(peer.id());

        TestNodes.eventually(WAIT, "the idle link dropped", () -> victim.transport().load().links() == 0);
        assertThat(victim.transport().load().addressOnlyPeers()).isEqualTo(1);
        QuicSessionTest.await(victim.transport().send(peer.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("again")));
        assertThat(QuicSessionTest.text(peer.listener().nextFrame(WAIT).payload())).isEqualTo("again");
    }

    @Test
    void peersKnownOnlyByTheirAddressesAreBounded() throws Exception {
        Node victim = nodes.start(Map.of(QuicLimits.MAX_KNOWN_PEERS, "10"));
        Node reachable = nodes.start();

        for (int i = 0; i < 100; i++) {
            victim.transport().addPeerAddresses(JdkTestCrypto.newIdentity().id(),
                    List.of(new TransportAddress("quic", "192.0.2.1:" + (1000 + i))));
        }
        TestNodes.introduce(victim, reachable); // the most recent: kept

        QuicTransport.Load load = victim.transport().load();
        assertThat(load.links()).isZero();
        assertThat(load.addressOnlyPeers()).isEqualTo(10);
        QuicSessionTest.await(victim.transport().send(reachable.id(), FrameChannel.ENVELOPE, QuicSessionTest.bytes("x")));
        assertThat(QuicSessionTest.text(reachable.listener().nextFrame(WAIT).payload())).isEqualTo("x");
    }

    /** A connection from {@code from}'s socket that its transport does not manage: a client hammering the victim. */
    private static Future<QuicChannel> rawDial(Node from, Node to) throws Exception {
        ChannelHandler ignore = new Ignore();
        CompletableFuture<Future<QuicChannel>> dial = new CompletableFuture<>();
        from.transport().onLoop(() -> dial.complete(from.transport().socket().dial(to.transport().boundAddress(),
                to.id(), ignore, ignore, 3_000))).sync();
        return dial.get(5, TimeUnit.SECONDS);
    }

    @ChannelHandler.Sharable
    private static final class Ignore extends ChannelInboundHandlerAdapter {
    }
}
