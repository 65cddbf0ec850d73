package org.tomprotocol.discovery.gossip.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Announcement;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Gossip;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Graft;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.IHave;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Prune;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Disconnect;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.ForwardJoin;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Introduce;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Join;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.KeepAlive;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.NeighborAccept;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.NeighborRequest;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Shuffle;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.ShuffleReply;

class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec(1024);

    private static NodeId node(int n) {
        byte[] key = new byte[NodeId.LENGTH];
        Arrays.fill(key, (byte) n);
        return NodeId.of(key);
    }

    private static PeerAddress peer(int n) {
        return new PeerAddress(node(n), List.of(TransportAddress.parse("quic:192.0.2." + n + ":7400"),
                TransportAddress.parse("mem:node-" + n)));
    }

    private static List<TransportAddress> addresses() {
        return List.of(TransportAddress.parse("quic:[2001:db8::1]:7400"), TransportAddress.parse("mem:été"));
    }

    static List<Frame> everyFrameType() {
        BroadcastId id = new BroadcastId(0x0102030405060708L, -2L);
        return List.of(
                new Join(addresses()),
                new ForwardJoin(peer(1), 6),
                new NeighborRequest(true, addresses()),
                new NeighborRequest(false, List.of()),
                new NeighborAccept(addresses()),
                new Disconnect(true),
                new Disconnect(false),
                new Shuffle(peer(2), 5, List.of(peer(3), peer(4), new PeerAddress(node(5), List.of()))),
                new ShuffleReply(List.of(peer(6))),
                new Introduce(List.of(peer(7), peer(8))),
                new KeepAlive(),
                new Gossip(3, new byte[] {1, 2, 3}),
                new Gossip(FrameCodec.MAX_ROUND, new byte[0]),
                new IHave(List.of(new Announcement(id, 4), new Announcement(new BroadcastId(0, 0), 0))),
                new Graft(id, 9),
                new Graft(null, 2),
                new Prune());
    }

    @Test
    void everyFrameTypeSurvivesARoundTrip() throws MalformedFrameException {
        for (Frame frame : everyFrameType()) {
            byte[] bytes = codec.encode(frame);
            assertThat(bytes[0]).as("version byte of %s", frame).isEqualTo((byte) FrameCodec.VERSION);
            assertThat(codec.decode(bytes)).as("decoded %s", frame).isEqualTo(frame);
        }
    }

    @Test
    void encodingLeavesOutAddressesThatBreakTheLimits() throws MalformedFrameException {
        List<TransportAddress> many = new ArrayList<>();
        many.add(new TransportAddress("mem", "x".repeat(FrameCodec.MAX_ADDRESS_BYTES + 1)));
        for (int i = 0; i < FrameCodec.MAX_ADDRESSES + 3; i++) {
            many.add(new TransportAddress("mem", "n" + i));
        }

        Join decoded = (Join) codec.decode(codec.encode(new Join(many)));

        assertThat(decoded.addresses()).hasSize(FrameCodec.MAX_ADDRESSES).containsExactlyElementsOf(
                many.subList(1, 1 + FrameCodec.MAX_ADDRESSES));
    }

    @Test
    void roundsSaturateInsteadOfWrapping() throws MalformedFrameException {
        Gossip decoded = (Gossip) codec.decode(codec.encode(new Gossip(FrameCodec.MAX_ROUND + 10, new byte[1])));

        assertThat(decoded.round()).isEqualTo(FrameCodec.MAX_ROUND);
    }

    @Test
    void everyTruncationOfEveryFrameIsRejectedAsTruncated() {
        for (Frame frame : everyFrameType()) {
            byte[] bytes = codec.encode(frame);
            for (int length = 0; length < bytes.length; length++) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> codec.decode(prefix)).as("%s cut to %d bytes", frame, length)
                        .isInstanceOfSatisfying(MalformedFrameException.class,
                                e -> assertThat(e.reason()).isEqualTo("truncated"));
            }
        }
    }

    @Test
    void malformedFramesAreRejectedWithTheirReason() {
        byte[] gossip = codec.encode(new Gossip(1, new byte[4]));
        byte[] trailing = Arrays.copyOf(gossip, gossip.length + 1);
        byte[] wrongVersion = gossip.clone();
        wrongVersion[0] = 2;
        byte[] unknownType = {1, 99};
        byte[] badFlag = {1, FrameCodec.DISCONNECT, 7};
        byte[] badTtl = codec.encode(new ForwardJoin(peer(1), 1));
        badTtl[badTtl.length - 1] = (byte) (FrameCodec.MAX_TTL + 1);
        byte[] tooManyAddresses = {1, FrameCodec.JOIN, (byte) (FrameCodec.MAX_ADDRESSES + 1)};
        byte[] upperCaseScheme = {1, FrameCodec.JOIN, 1, 4, 'Q', 'U', 'I', 'C', 1, 'x'};
        byte[] blankAddress = {1, FrameCodec.JOIN, 1, 3, 'm', 'e', 'm', 1, ' '};
        byte[] tooManyPeers = {1, FrameCodec.SHUFFLE_REPLY, (byte) (FrameCodec.MAX_PEERS + 1)};
        byte[] tooManyIds = {1, FrameCodec.IHAVE, (byte) 0xFF, (byte) 0xFF};
        byte[] hugePayload = {1, FrameCodec.GOSSIP, 0, 1, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

        assertReason(trailing, "trailing-bytes");
        assertReason(wrongVersion, "unsupported-version");
        assertReason(unknownType, "unknown-type");
        assertReason(badFlag, "bad-flag");
        assertReason(badTtl, "bad-ttl");
        assertReason(tooManyAddresses, "too-many-addresses");
        assertReason(upperCaseScheme, "bad-address");
        assertReason(blankAddress, "bad-address");
        assertReason(tooManyPeers, "too-many-peers");
        assertReason(tooManyIds, "too-many-announcements");
        assertReason(hugePayload, "payload-too-large");
        assertReason(null, "truncated");
    }

    @Test
    void payloadsOverTheLimitAreNeitherEncodedNorAccepted() {
        FrameCodec small = new FrameCodec(8);
        byte[] nine = codec.encode(new Gossip(1, new byte[9]));

        assertThatThrownBy(() -> small.encode(new Gossip(1, new byte[9])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit of 8");
        assertReason(small, nine, "payload-too-large");
    }

    @Test
    void randomAndMutatedBytesNeverThrowAnythingButMalformedFrame() {
        SplittableRandom random = new SplittableRandom(42);
        List<byte[]> valid = everyFrameType().stream().map(codec::encode).toList();
        int decoded = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[random.nextInt(64)];
                random.nextBytes(input);
                if (input.length > 0) {
                    input[0] = 1;
                }
            } else {
                input = valid.get(random.nextInt(valid.size())).clone();
                for (int flips = 1 + random.nextInt(3); flips > 0 && input.length > 0; flips--) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                codec.decode(input);
                decoded++;
            } catch (MalformedFrameException expected) {
                assertThat(expected.reason()).isNotBlank();
            }
        }
        assertThat(decoded).as("some mutations still decode, so the loop exercised the decoders").isPositive();
    }

    private void assertReason(byte[] bytes, String reason) {
        assertReason(codec, bytes, reason);
    }

    private static void assertReason(FrameCodec codec, byte[] bytes, String reason) {
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOfSatisfying(MalformedFrameException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
