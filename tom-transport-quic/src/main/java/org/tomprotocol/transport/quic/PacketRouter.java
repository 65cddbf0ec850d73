package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * Sits in front of the two QUIC codecs that share the node's one UDP socket and sends each datagram to the
 * right one. Netty's codecs swallow every datagram (a client codec drops unknown connection ids, a server codec
 * treats them as new connections), so they cannot simply be chained. The router knows the source connection
 * ids of the connections this node dialled (it picks them itself, see {@link SharedUdpSocket#dial}); a
 * datagram whose destination connection id is one of them goes to the client codec, every other QUIC datagram
 * to the server codec. Datagrams with the QUIC "fixed bit" clear are not QUIC (RFC 9000 §17.2/17.3): they go
 * to the raw-datagram handler, for NAT probes.
 *
 * <p>Pipeline: {@code [router] [server codec] [client codec]}. Reaching the server codec is an ordinary
 * {@code fireChannelRead}; reaching the client codec is a {@code fireChannelRead} from the server codec's
 * context, which skips the server codec. Writes from either codec pass through the other untouched.
 * Event-loop confined.
 */
final class PacketRouter extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(PacketRouter.class.getName());
    private static final int FIXED_BIT = 0x40;
    private static final int LONG_HEADER = 0x80;

    private final int connectionIdLength;
    private final Set<ByteBuffer> dialledConnectionIds = new HashSet<>();
    private ChannelHandlerContext serverCodecContext;
    private BiConsumer<InetSocketAddress, ByteBuf> rawDatagramHandler;
    private boolean serverReadPending;
    private boolean clientReadPending;

    PacketRouter(int connectionIdLength) {
        this.connectionIdLength = connectionIdLength;
    }

    /** The server codec's context, through which datagrams reach the client codec behind it. */
    void serverCodecContext(ChannelHandlerContext context) {
        this.serverCodecContext = context;
    }

    /** Routes datagrams addressed to {@code connectionId} to the client codec. */
    void addDialledConnectionId(ByteBuffer connectionId) {
        dialledConnectionIds.add(connectionId.asReadOnlyBuffer());
    }

    void removeDialledConnectionId(ByteBuffer connectionId) {
        dialledConnectionIds.remove(connectionId);
    }

    /** Who receives non-QUIC datagrams; the buffer is released after the call. {@code null} drops them. */
    void rawDatagramHandler(BiConsumer<InetSocketAddress, ByteBuf> handler) {
        this.rawDatagramHandler = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf content = packet.content();
        if (!content.isReadable()) {
            packet.release();
            return;
        }
        int first = content.getUnsignedByte(content.readerIndex());
        if ((first & FIXED_BIT) == 0) {
            handleRaw(packet);
            return;
        }
        if (isForDialledConnection(content, first)) {
            clientReadPending = true;
            serverCodecContext.fireChannelRead(packet);
        } else {
            serverReadPending = true;
            ctx.fireChannelRead(packet);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // The codecs batch their flushes until read-complete, so each must see one after it got datagrams.
        if (serverReadPending) {
            serverReadPending = false;
            ctx.fireChannelReadComplete();
        }
        if (clientReadPending) {
            clientReadPending = false;
            serverCodecContext.fireChannelReadComplete();
        }
    }

    private boolean isForDialledConnection(ByteBuf content, int first) {
        if (dialledConnectionIds.isEmpty()) {
            return false;
        }
        int start = content.readerIndex();
        int idOffset;
        int idLength;
        if ((first & LONG_HEADER) != 0) {
            // Long header: flags(1) version(4) dcid-length(1) dcid
            if (content.readableBytes() < 6) {
                return false;
            }
            idLength = content.getUnsignedByte(start + 5);
            idOffset = start + 6;
        } else {
            // Short header: flags(1) dcid (our fixed length)
            idLength = connectionIdLength;
            idOffset = start + 1;
        }
        if (idLength != connectionIdLength || content.writerIndex() < idOffset + idLength) {
            return false;
        }
        return dialledConnectionIds.contains(content.nioBuffer(idOffset, idLength));
    }

    private void handleRaw(DatagramPacket packet) {
        try {
            BiConsumer<InetSocketAddress, ByteBuf> handler = rawDatagramHandler;
            if (handler == null) {
                LOG.log(System.Logger.Level.DEBUG, "dropped a non-QUIC datagram from {0}", packet.sender());
            } else {
                handler.accept(packet.sender(), packet.content());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "raw datagram handler failed", e);
        } finally {
            packet.release();
        }
    }
}
