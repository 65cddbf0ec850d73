package org.tomprotocol.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.PeerAnnounce;
import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.discovery.gossip.plumtree.PlumTree;
import org.tomprotocol.discovery.gossip.plumtree.PlumTreeConfig;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Announcement;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Gossip;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.IHave;
import org.tomprotocol.discovery.gossip.wire.Frame;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;
import org.tomprotocol.discovery.gossip.wire.MalformedFrameException;
import org.tomprotocol.discovery.gossip.wire.BroadcastId;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;

/**
 * Issue 12, attack 2: a hostile gossip neighbour pushes junk and forged announces. Real engines on the
 * in-memory network: mallory joins the victim's overlay with its own transport and identity and sends
 * crafted Gossip frames; a third honest node is linked to the victim only. What the victim refuses is
 * neither cached nor forwarded, and is counted; what is genuine still spreads, through the same neighbour.
 */
class HostileGossipPayloadTest {
    private static final int MAX_PAYLOAD = PlumTreeConfig.DEFAULTS.maxPayloadBytes();

    private final EngineCluster cluster = new EngineCluster(31);
    private final FrameCodec decoder = new FrameCodec(1 << 20);
    private final List<byte[]> payloadsToThird = new CopyOnWriteArrayList<>();
    private final List<BroadcastId> announcedToThird = new CopyOnWriteArrayList<>();
    private TomNode victim;
    private TomNode third;
    private HostilePeer mallory;

    @BeforeEach
    void setUp() throws Exception {
        victim = cluster.node("victim");
        third = cluster.node("third", victim);
        cluster.run(Duration.ofSeconds(1));
        cluster.network.dropFrames((from, to, channel, frame) -> {
            if (from.equals(victim.id()) && to.equals(third.id()) && channel == FrameChannel.DISCOVERY) {
                record(frame);
            }
            return false;
        });
        mallory = new HostilePeer(cluster, "mallory");
        mallory.join(cluster, victim);
        cluster.run(Duration.ofSeconds(1));
        assertThat(victim.metrics().byKey().keySet()).noneMatch(name -> name.startsWith("rejected.discovery"));
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private void record(byte[] frame) {
        try {
            Frame decoded = decoder.decode(frame);
            if (decoded instanceof Gossip gossip) {
                payloadsToThird.add(gossip.payload());
            } else if (decoded instanceof IHave ihave) {
                ihave.announcements().stream().map(Announcement::id).forEach(announcedToThird::add);
            }
        } catch (MalformedFrameException e) {
            throw new AssertionError("the victim sent a malformed frame", e);
        }
    }

    private PlumTree victimBroadcast() {
        return cluster.discovery(victim).broadcastState();
    }

    /** Whether the victim forwarded {@code payload} to the third node, pushed or announced. */
    private boolean forwardedToThird(byte[] payload) {
        BroadcastId id = victimBroadcast().idOf(payload);
        return payloadsToThird.stream().anyMatch(sent -> java.util.Arrays.equals(sent, payload))
                || announcedToThird.contains(id);
    }

    private static LocalIdentity identity(String name) {
        byte[] seed = new byte[32];
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, seed, 0, Math.min(bytes.length, 32));
        return HostilePeer.SUITE.identityFromSeed(seed);
    }

    private byte[] announceOf(LocalIdentity node, LocalIdentity signer) {
        PeerAnnounce unsigned = new PeerAnnounce(node.id(), "dave", List.of(PeerRole.Peer.name()),
                cluster.runtime.nowMillis(), List.of(TransportAddress.parse("mem:dave")), List.of(), new byte[0]);
        return unsigned.withSignature(signer.sign(unsigned.signingBytes())).encode();
    }

    private long count(TomNode node, String counter) {
        return node.metrics().get(counter);
    }

    @Test
    void junkAndForgedPayloadsFromAHostileNeighbourAreNeitherCachedNorForwardedButCounted() {
        SplittableRandom random = new SplittableRandom(5);
        List<byte[]> junk = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] payload = new byte[MAX_PAYLOAD];
            random.nextBytes(payload);
            junk.add(payload);
        }
        LocalIdentity dave = identity("dave");
        for (int i = 0; i < 20; i++) {
            junk.add(announceOf(dave, identity("forger " + i)));
        }

        for (byte[] payload : junk) {
            mallory.send(victim, new Gossip(1, payload));
        }
        cluster.run(Duration.ofSeconds(2));

        PlumTree held = victimBroadcast();
        assertThat(junk.stream().filter(this::forwardedToThird).count()).as("junk forwarded to the third node")
                .isZero();
        assertThat(junk.stream().filter(held::caches).count()).as("junk payloads cached").isZero();
        assertThat(held.cachedBytes()).as("only the few honest announces").isLessThan(MAX_PAYLOAD);
        assertThat(held.pendingValidations()).isZero();
        assertThat(held.peakPendingBytes()).as("bytes awaiting a verdict at once, at most one neighbour's share")
                .isLessThanOrEqualTo((long) PlumTreeConfig.DEFAULTS.maxPendingPerNeighbor() * MAX_PAYLOAD);
        assertThat(count(victim, "rejected.discovery-gossip-invalid")
                + count(victim, "shed.discovery-validation-backlog")).as("every junk payload counted once")
                .isEqualTo(junk.size());
        assertThat(count(victim, "rejected.discovery-gossip-invalid")).isPositive();
        assertThat(count(victim, "rejected.announce-malformed") + count(victim, "rejected.bad-announce-signature")
                + count(victim, "rejected.announce-too-large")).isEqualTo(
                count(victim, "rejected.discovery-gossip-invalid"));
        assertThat(EngineCluster.knowsAddress(third, dave.id())).isFalse();
        assertThat(EngineCluster.knowsAddress(victim, dave.id())).isFalse();
    }

    @Test
    void aForgedAnnounceStopsAtTheFirstHonestNodeWhileTheGenuineOneSpreadsThroughTheSameNeighbour() {
        LocalIdentity dave = identity("dave");
        byte[] forged = announceOf(dave, mallory.identity);

        mallory.send(victim, new Gossip(1, forged));
        cluster.run(Duration.ofSeconds(1));

        assertThat(forwardedToThird(forged)).as("the forged announce went past the victim").isFalse();
        assertThat(victimBroadcast().caches(forged)).isFalse();
        assertThat(EngineCluster.knowsAddress(third, dave.id())).isFalse();
        assertThat(count(victim, "rejected.bad-announce-signature")).isEqualTo(1);
        assertThat(count(victim, "rejected.discovery-gossip-invalid")).isEqualTo(1);

        byte[] genuine = announceOf(dave, dave);
        mallory.send(victim, new Gossip(1, genuine));
        boolean spread = cluster.runUntil(() -> EngineCluster.knowsAddress(third, dave.id()), Duration.ofSeconds(2));

        assertThat(spread).as("the genuine announce reached the third node through the victim").isTrue();
        assertThat(EngineCluster.knowsAddress(victim, dave.id())).isTrue();
        assertThat(forwardedToThird(genuine)).isTrue();
        assertThat(victimBroadcast().caches(genuine)).isTrue();
        assertThat(count(victim, "rejected.discovery-gossip-invalid")).as("nothing more held against mallory")
                .isEqualTo(1);
    }

    @Test
    void aGossipFrameLargerThanTheLargestAnnounceIsRefusedByItsSize() {
        byte[] oversize = new byte[MAX_PAYLOAD + 1];
        byte[] largest = new byte[MAX_PAYLOAD];
        oversize[0] = 1;

        mallory.send(victim, new Gossip(1, oversize));
        mallory.send(victim, new Gossip(1, largest));
        cluster.run(Duration.ofSeconds(1));

        assertThat(count(victim, "rejected.discovery-payload-too-large")).isEqualTo(1);
        assertThat(forwardedToThird(oversize)).isFalse();
        assertThat(count(victim, "rejected.discovery-gossip-invalid")).as("the one at the limit is validated")
                .isEqualTo(1);
        assertThat(victimBroadcast().peakPendingBytes()).isEqualTo(MAX_PAYLOAD);
    }

    @Test
    void theDefaultLimitHoldsTheLargestAnnounceTheEngineAccepts() throws Exception {
        LocalIdentity node = identity("largest");
        List<TransportAddress> addresses = new ArrayList<>();
        for (int i = 0; i < PeerAnnounce.MAX_ADDRESSES; i++) {
            addresses.add(TransportAddress.parse("mem:" + (char) ('a' + i) + "x".repeat(251)));
        }
        PeerAnnounce unsigned = new PeerAnnounce(node.id(), "n".repeat(PeerAnnounce.MAX_USERNAME_BYTES),
                java.util.Collections.nCopies(PeerAnnounce.MAX_ROLES, "r".repeat(PeerAnnounce.MAX_ROLE_BYTES)), Long.MAX_VALUE, addresses,
                java.util.Collections.nCopies(PeerAnnounce.MAX_WIRE_PROFILES, "p".repeat(PeerAnnounce.MAX_WIRE_PROFILE_BYTES)), new byte[0]);
        byte[] largest = unsigned.withSignature(node.sign(unsigned.signingBytes())).encode();

        assertThat(PeerAnnounce.decode(largest).addresses()).hasSize(PeerAnnounce.MAX_ADDRESSES);
        assertThat(largest.length).isLessThanOrEqualTo(MAX_PAYLOAD);
        assertThat(decoder.decode(new FrameCodec(MAX_PAYLOAD).encode(new Gossip(1, largest))))
                .isEqualTo(new Gossip(1, largest));
    }
}
