package org.tomprotocol.transport.quic;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.tomprotocol.api.NodeId;

/**
 * A hole-punching probe: a small UDP datagram sent from the listening socket to a peer's candidate address,
 * so that this node's NAT opens a mapping towards the peer and the peer learns at which address our datagrams
 * arrive. It carries no secret and proves nothing — the QUIC handshake that follows authenticates the peer;
 * the ids only let a node ignore probes meant for someone else.
 *
 * <p>Layout (70 bytes): the marker byte {@code 0x21} (QUIC's fixed bit 0x40 clear, so the receiving
 * {@link PacketRouter} takes it for a raw datagram), the magic {@code "ToMP"}, the version {@code 1}, the
 * sender's node id, the intended receiver's node id.
 *
 * @param from the node that sent the probe
 * @param to   the node it is meant for
 */
record PunchProbe(NodeId from, NodeId to) {
    static final int LENGTH = 1 + 4 + 1 + 2 * NodeId.LENGTH;
    private static final int MARKER = 0x21;
    private static final int MAGIC = 0x546f4d50; // "ToMP"
    private static final int VERSION = 1;

    /** The probe as a datagram payload (the caller owns the buffer). */
    ByteBuf encode(ByteBufAllocator allocator) {
        ByteBuf buffer = allocator.buffer(LENGTH);
        buffer.writeByte(MARKER).writeInt(MAGIC).writeByte(VERSION);
        buffer.writeBytes(from.toBytes()).writeBytes(to.toBytes());
        return buffer;
    }

    /** The probe in {@code datagram}, or {@code null} if it is not one (the buffer is not modified). */
    static PunchProbe decode(ByteBuf datagram) {
        int start = datagram.readerIndex();
        if (datagram.readableBytes() != LENGTH || datagram.getUnsignedByte(start) != MARKER
                || datagram.getInt(start + 1) != MAGIC || datagram.getUnsignedByte(start + 5) != VERSION) {
            return null;
        }
        byte[] from = new byte[NodeId.LENGTH];
        byte[] to = new byte[NodeId.LENGTH];
        datagram.getBytes(start + 6, from);
        datagram.getBytes(start + 6 + NodeId.LENGTH, to);
        return new PunchProbe(NodeId.of(from), NodeId.of(to));
    }
}
