package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.core.wire.PeerAnnounce;
import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.spi.discovery.Validation;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * Announces reaching a node through its discovery: only a fresh one signed by the node it names is taken;
 * forged, unsigned, replayed, expired and future ones are refused and counted. The discovery gets the verdict
 * back: accept for a taken announce, reject for a forged or malformed one, ignore for a genuine one refused by
 * time or replay. The discovery provider is a stand-in at the edge that hands the node whatever payload the
 * test gives it, as a hostile gossip neighbour could.
 */
class AnnounceValidationTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final TransportAddress STRANGER_ADDRESS = TransportAddress.parse("mem:stranger");

    private final VirtualRuntime runtime = new VirtualRuntime();
    private final HandOverDiscovery discovery = new HandOverDiscovery();
    private final LocalIdentity stranger = SUITE.generateIdentity();
    private final NodeId neighbour = SUITE.generateIdentity().id();
    private MemoryNetwork network;
    private TomNode node;

    @BeforeEach
    void setUp() {
        network = new MemoryNetwork(runtime, 7);
        node = Tom.node().provider(runtime).serviceLoading(false).provider(new TomV1CryptoSuiteProvider())
                .provider(network.transportProvider()).provider(discovery).listen("mem:node").start();
        runtime.runFor(Duration.ofMillis(100));
    }

    @AfterEach
    void tearDown() {
        node.close();
        runtime.runFor(Duration.ofSeconds(1));
    }

    private PeerAnnounce announce(long timestamp) {
        return new PeerAnnounce(stranger.id(), "stranger", List.of(PeerRole.Peer.name()), timestamp,
                List.of(STRANGER_ADDRESS), List.of(), new byte[0]);
    }

    private byte[] signedBy(LocalIdentity signer, PeerAnnounce unsigned) {
        return unsigned.withSignature(signer.sign(unsigned.signingBytes())).encode();
    }

    private long nextTicket = 1;

    /** Has the node validate {@code payload} and returns its verdict. */
    private Validation deliver(byte[] payload) {
        long ticket = nextTicket++;
        discovery.context.validate(ticket, neighbour, payload);
        runtime.runFor(Duration.ofMillis(50));
        return discovery.verdicts.get(ticket);
    }

    private long count(String name) {
        return node.metrics().get(name);
    }

    private boolean knowsStranger() {
        return node.peers().stream().map(PeerInfo::id).anyMatch(stranger.id()::equals);
    }

    @Test
    void aFreshAnnounceSignedByItsNodeTeachesItsNameAndAddresses() {
        assertThat(deliver(signedBy(stranger, announce(runtime.nowMillis())))).isEqualTo(Validation.ACCEPT);

        assertThat(count("announces-accepted")).isEqualTo(1);
        PeerInfo peer = node.peers().stream().filter(p -> p.id().equals(stranger.id())).findFirst().orElseThrow();
        assertThat(peer.name()).isEqualTo("stranger");
        assertThat(peer.addresses()).containsExactly(STRANGER_ADDRESS);
    }

    @Test
    void anAnnounceSignedBySomeoneElseIsForgedAndRefused() {
        assertThat(deliver(signedBy(SUITE.generateIdentity(), announce(runtime.nowMillis()))))
                .isEqualTo(Validation.REJECT);

        assertThat(count("rejected.bad-announce-signature")).isEqualTo(1);
        assertThat(count("announces-accepted")).isZero();
        assertThat(knowsStranger()).isFalse();
    }

    @Test
    void anUnsignedAnnounceIsRefused() {
        assertThat(deliver(announce(runtime.nowMillis()).encode())).isEqualTo(Validation.REJECT);

        assertThat(count("rejected.bad-announce-signature")).isEqualTo(1);
        assertThat(knowsStranger()).isFalse();
    }

    @Test
    void anAnnounceSeenBeforeIsAReplayAndRefused() {
        byte[] announce = signedBy(stranger, announce(runtime.nowMillis()));
        deliver(announce);
        runtime.runFor(Duration.ofSeconds(30));
        assertThat(deliver(announce)).as("genuine but stale: not the neighbour's fault").isEqualTo(Validation.IGNORE);

        assertThat(count("announces-accepted")).isEqualTo(1);
        assertThat(count("rejected.replayed-announce")).isEqualTo(1);
    }

    @Test
    void anAnnounceOlderThanAnHourIsRefusedEvenTheFirstTime() {
        assertThat(deliver(signedBy(stranger, announce(runtime.nowMillis() - ProtocolConstants.ANNOUNCE_MAX_AGE_MS
                - 1_000)))).isEqualTo(Validation.IGNORE);

        assertThat(count("rejected.expired-announce")).isEqualTo(1);
        assertThat(knowsStranger()).isFalse();
    }

    @Test
    void anAnnounceMoreThanFiveMinutesAheadIsRefused() {
        assertThat(deliver(signedBy(stranger, announce(runtime.nowMillis() + ProtocolConstants.MAX_FUTURE_DRIFT_MS
                + 1_000)))).isEqualTo(Validation.IGNORE);

        assertThat(count("rejected.future-announce")).isEqualTo(1);
        assertThat(knowsStranger()).isFalse();
    }

    @Test
    void bytesThatAreNoAnnounceAreRefusedAndTheNextGoodOneStillCounts() {
        assertThat(deliver(new byte[] {(byte) 0x93, 1, 2})).isEqualTo(Validation.REJECT);
        assertThat(deliver(signedBy(stranger, announce(runtime.nowMillis())))).isEqualTo(Validation.ACCEPT);

        assertThat(node.metrics().byKey().keySet()).anyMatch(name -> name.startsWith("rejected.announce-"));
        assertThat(count("announces-accepted")).isEqualTo(1);
    }

    @Test
    void addressesTheDiscoveryHearsOfReachTheTransportsButMakeNoPeerRecord() {
        TomNode other = Tom.node().provider(runtime).serviceLoading(false).provider(new TomV1CryptoSuiteProvider())
                .provider(network.transportProvider()).listen("mem:other").start();
        try {
            runtime.runFor(Duration.ofMillis(100));

            discovery.context.learnAddresses(PeerAddress.of(other.id(), TransportAddress.parse("mem:other")));
            runtime.runFor(Duration.ofSeconds(1));
            assertThat(node.peers()).extracting(PeerInfo::id).as("hearsay makes no record").doesNotContain(other.id());

            discovery.context.send(other.id(), new byte[] {1, 9});
            boolean sessionUp = runtime.runUntil(() -> node.peers().stream()
                    .anyMatch(peer -> peer.id().equals(other.id()) && peer.directSession()), Duration.ofSeconds(2));
            assertThat(sessionUp).as("the transport could dial it; the session, authenticated, makes the record")
                    .isTrue();
        } finally {
            other.close();
        }
    }

    @Test
    void thisNodesOwnAnnounceIsIgnoredNotRejected() {
        node.close();
        runtime.runFor(Duration.ofSeconds(1));
        byte[] seed = new byte[32];
        seed[0] = 42;
        LocalIdentity self = SUITE.identityFromSeed(seed);
        node = Tom.node().provider(runtime).serviceLoading(false).provider(new TomV1CryptoSuiteProvider())
                .provider(new MemoryNetwork(runtime, 8).transportProvider()).provider(discovery)
                .identitySeed(seed).listen("mem:self").start();
        runtime.runFor(Duration.ofMillis(100));
        PeerAnnounce own = new PeerAnnounce(self.id(), "me", List.of(PeerRole.Peer.name()), runtime.nowMillis(),
                List.of(TransportAddress.parse("mem:self")), List.of(), new byte[0]);

        assertThat(deliver(signedBy(self, own))).isEqualTo(Validation.IGNORE);
    }

    /** A discovery that keeps the node's context so the test can have payloads validated through it. */
    private static final class HandOverDiscovery implements DiscoveryProvider, Discovery {
        private DiscoveryContext context;
        private final Map<Long, Validation> verdicts = new LinkedHashMap<>();

        @Override
        public String id() {
            return "hand-over";
        }

        @Override
        public Discovery create(DiscoveryContext discoveryContext) {
            this.context = discoveryContext;
            return this;
        }

        @Override
        public void start(long nowMillis) {
        }

        @Override
        public void join(Collection<PeerAddress> peers, long nowMillis) {
        }

        @Override
        public void onFrame(NodeId from, byte[] frame, long nowMillis) {
        }

        @Override
        public void onConnected(NodeId peer, long nowMillis) {
        }

        @Override
        public void onDisconnected(NodeId peer, long nowMillis) {
        }

        @Override
        public void onValidated(long ticket, Validation verdict, long nowMillis) {
            verdicts.put(ticket, verdict);
        }

        @Override
        public void broadcast(byte[] payload, long nowMillis) {
        }

        @Override
        public long onTimer(long nowMillis) {
            return Long.MAX_VALUE;
        }

        @Override
        public Set<NodeId> neighbors() {
            return Set.of();
        }
    }
}
