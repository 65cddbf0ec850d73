package org.tomprotocol.discovery.gossip.wire;

import java.util.ArrayList;
import java.util.List;

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

/**
 * The compact binary form of discovery frames (docs/gossip.md has the table): {@code u8 version (1),
 * u8 type}, then the type's fields, big-endian, nothing after. Decoding is bounded by the limits below and
 * reports every malformed input as a {@link MalformedFrameException}; it never throws anything else.
 */
public final class FrameCodec {
    /** The wire version this codec speaks. */
    public static final int VERSION = 1;
    /** Addresses per node. */
    public static final int MAX_ADDRESSES = 8;
    /** Bytes of a transport scheme. */
    public static final int MAX_SCHEME_BYTES = 16;
    /** Bytes of a transport address (UTF-8). */
    public static final int MAX_ADDRESS_BYTES = 255;
    /** Nodes in one shuffle, shuffle reply or introduction. */
    public static final int MAX_PEERS = 32;
    /** Ids in one IHave frame. */
    public static final int MAX_ANNOUNCEMENTS = 1024;
    /** Largest random-walk time-to-live. */
    public static final int MAX_TTL = 32;
    /** Largest hop count; rounds saturate here. */
    public static final int MAX_ROUND = 0xFFFF;

    static final int JOIN = 1;
    static final int FORWARD_JOIN = 2;
    static final int NEIGHBOR_REQUEST = 3;
    static final int NEIGHBOR_ACCEPT = 4;
    static final int DISCONNECT = 5;
    static final int SHUFFLE = 6;
    static final int SHUFFLE_REPLY = 7;
    static final int INTRODUCE = 8;
    static final int KEEPALIVE = 9;
    static final int GOSSIP = 16;
    static final int IHAVE = 17;
    static final int GRAFT = 18;
    static final int PRUNE = 19;

    private final int maxPayloadBytes;

    /** A codec accepting broadcast payloads of at most {@code maxPayloadBytes}. */
    public FrameCodec(int maxPayloadBytes) {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The largest payload this codec encodes and accepts. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * The bytes of {@code frame}.
     *
     * @throws IllegalArgumentException if the frame breaks a limit this node should have respected
     */
    public byte[] encode(Frame frame) {
        FrameWriter out = new FrameWriter(frame instanceof Gossip gossip ? gossip.payload().length + 8 : 64);
        out.u8(VERSION);
        switch (frame) {
            case Join join -> AddressCodec.writeAddresses(out.u8(JOIN), join.addresses());
            case ForwardJoin forward -> {
                AddressCodec.writePeer(out.u8(FORWARD_JOIN), forward.newcomer());
                out.u8(ttl(forward.ttl()));
            }
            case NeighborRequest request ->
                    AddressCodec.writeAddresses(out.u8(NEIGHBOR_REQUEST).u8(request.highPriority() ? 1 : 0),
                            request.addresses());
            case NeighborAccept accept -> AddressCodec.writeAddresses(out.u8(NEIGHBOR_ACCEPT), accept.addresses());
            case Disconnect disconnect -> out.u8(DISCONNECT).u8(disconnect.alive() ? 1 : 0);
            case Shuffle shuffle -> {
                AddressCodec.writePeer(out.u8(SHUFFLE), shuffle.origin());
                out.u8(ttl(shuffle.ttl()));
                AddressCodec.writePeers(out, shuffle.peers());
            }
            case ShuffleReply reply -> AddressCodec.writePeers(out.u8(SHUFFLE_REPLY), reply.peers());
            case Introduce introduce -> AddressCodec.writePeers(out.u8(INTRODUCE), introduce.peers());
            case KeepAlive ignored -> out.u8(KEEPALIVE);
            case Gossip gossip -> {
                if (gossip.payload().length > maxPayloadBytes) {
                    throw new IllegalArgumentException("payload of " + gossip.payload().length
                            + " bytes exceeds the limit of " + maxPayloadBytes);
                }
                out.u8(GOSSIP).u16(round(gossip.round())).u32(gossip.payload().length).bytes(gossip.payload());
            }
            case IHave ihave -> writeIHave(out.u8(IHAVE), ihave);
            case Graft graft -> {
                out.u8(GRAFT).u8(graft.id() == null ? 0 : 1);
                if (graft.id() != null) {
                    writeId(out, graft.id());
                }
                out.u16(round(graft.round()));
            }
            case Prune ignored -> out.u8(PRUNE);
        }
        return out.toByteArray();
    }

    /**
     * Decodes {@code bytes}.
     *
     * @throws MalformedFrameException naming what is wrong; nothing else is thrown
     */
    public Frame decode(byte[] bytes) throws MalformedFrameException {
        if (bytes == null || bytes.length < 2) {
            throw new MalformedFrameException("truncated", "a frame has at least 2 bytes");
        }
        FrameReader in = new FrameReader(bytes);
        int version = in.u8();
        if (version != VERSION) {
            throw new MalformedFrameException("unsupported-version", "version " + version + ", this node speaks "
                    + VERSION);
        }
        int type = in.u8();
        Frame frame = switch (type) {
            case JOIN -> new Join(AddressCodec.readAddresses(in));
            case FORWARD_JOIN -> new ForwardJoin(AddressCodec.readPeer(in), readTtl(in));
            case NEIGHBOR_REQUEST -> new NeighborRequest(readFlag(in), AddressCodec.readAddresses(in));
            case NEIGHBOR_ACCEPT -> new NeighborAccept(AddressCodec.readAddresses(in));
            case DISCONNECT -> new Disconnect(readFlag(in));
            case SHUFFLE -> new Shuffle(AddressCodec.readPeer(in), readTtl(in), AddressCodec.readPeers(in));
            case SHUFFLE_REPLY -> new ShuffleReply(AddressCodec.readPeers(in));
            case INTRODUCE -> new Introduce(AddressCodec.readPeers(in));
            case KEEPALIVE -> new KeepAlive();
            case GOSSIP -> new Gossip(in.u16(), in.bytes(in.length(maxPayloadBytes, "payload-too-large")));
            case IHAVE -> readIHave(in);
            case GRAFT -> new Graft(readFlag(in) ? in.messageId() : null, in.u16());
            case PRUNE -> new Prune();
            default -> throw new MalformedFrameException("unknown-type", "frame type " + type);
        };
        in.expectEnd();
        return frame;
    }

    private static void writeIHave(FrameWriter out, IHave ihave) {
        if (ihave.announcements().size() > MAX_ANNOUNCEMENTS) {
            throw new IllegalArgumentException("at most " + MAX_ANNOUNCEMENTS + " ids fit an IHave frame");
        }
        out.u16(ihave.announcements().size());
        for (Announcement announcement : ihave.announcements()) {
            writeId(out, announcement.id());
            out.u16(round(announcement.round()));
        }
    }

    private static IHave readIHave(FrameReader in) throws MalformedFrameException {
        int count = in.u16();
        if (count > MAX_ANNOUNCEMENTS) {
            throw new MalformedFrameException("too-many-announcements", count + " ids, at most "
                    + MAX_ANNOUNCEMENTS + " allowed");
        }
        List<Announcement> announcements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            announcements.add(new Announcement(in.messageId(), in.u16()));
        }
        return new IHave(announcements);
    }

    private static void writeId(FrameWriter out, BroadcastId id) {
        out.u64(id.high()).u64(id.low());
    }

    private static int ttl(int ttl) {
        if (ttl < 0 || ttl > MAX_TTL) {
            throw new IllegalArgumentException("ttl must be in [0, " + MAX_TTL + "], got " + ttl);
        }
        return ttl;
    }

    private static int round(int round) {
        return Math.clamp(round, 0, MAX_ROUND);
    }

    private static int readTtl(FrameReader in) throws MalformedFrameException {
        int ttl = in.u8();
        if (ttl > MAX_TTL) {
            throw new MalformedFrameException("bad-ttl", "ttl " + ttl + ", at most " + MAX_TTL);
        }
        return ttl;
    }

    private static boolean readFlag(FrameReader in) throws MalformedFrameException {
        int flag = in.u8();
        if (flag > 1) {
            throw new MalformedFrameException("bad-flag", "flag byte " + flag);
        }
        return flag == 1;
    }
}
