package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The router sends each datagram to the codec that owns its destination connection id. */
class PacketRouterTest {
    private static final int ID_LENGTH = SharedUdpSocket.CONNECTION_ID_LENGTH;
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 4000);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5000);

    private final byte[] dialledId = id(7);
    private final byte[] otherId = id(9);
    private final Codec server = new Codec();
    private final Codec client = new Codec();
    private final List<String> raw = new ArrayList<>();
    private EmbeddedChannel channel;

    @BeforeEach
    void pipeline() {
        PacketRouter router = new PacketRouter(ID_LENGTH);
        channel = new EmbeddedChannel(router, server, client);
        router.serverCodecContext(channel.pipeline().context(server));
        router.addDialledConnectionId(ByteBuffer.wrap(dialledId.clone()));
        router.rawDatagramHandler((sender, content) -> raw.add(sender.getPort() + ":" + ByteBufUtil.hexDump(content)));
    }

    @Test
    void shortHeaderPacketsGoToTheCodecOwningTheirConnectionId() {
        channel.writeInbound(packet(shortHeader(dialledId)));
        channel.writeInbound(packet(shortHeader(otherId)));

        assertThat(client.received).containsExactly(hex(shortHeader(dialledId)));
        assertThat(server.received).containsExactly(hex(shortHeader(otherId)));
        assertThat(client.readCompletes).isEqualTo(1);
        assertThat(server.readCompletes).isEqualTo(1);
    }

    @Test
    void longHeaderPacketsAreRoutedByTheirDestinationId() {
        channel.writeInbound(packet(longHeader(dialledId)));
        channel.writeInbound(packet(longHeader(id(3)))); // a new peer's Initial: the server codec's

        assertThat(client.received).containsExactly(hex(longHeader(dialledId)));
        assertThat(server.received).containsExactly(hex(longHeader(id(3))));
    }

    @Test
    void forgottenIdsGoBackToTheServerCodec() {
        PacketRouter router = (PacketRouter) channel.pipeline().first();
        router.removeDialledConnectionId(ByteBuffer.wrap(dialledId.clone()));

        channel.writeInbound(packet(shortHeader(dialledId)));

        assertThat(client.received).isEmpty();
        assertThat(server.received).hasSize(1);
    }

    @Test
    void nonQuicDatagramsGoToTheRawHandler() {
        channel.writeInbound(packet(new byte[] {0x00, 0x2a}));

        assertThat(raw).containsExactly("4000:002a");
        assertThat(server.received).isEmpty();
        assertThat(client.received).isEmpty();
    }

    private static byte[] shortHeader(byte[] id) {
        byte[] packet = new byte[1 + id.length + 8];
        packet[0] = 0x40;
        System.arraycopy(id, 0, packet, 1, id.length);
        return packet;
    }

    private static byte[] longHeader(byte[] id) {
        byte[] packet = new byte[6 + id.length + 8];
        packet[0] = (byte) 0xc0;
        packet[4] = 1; // version 1
        packet[5] = (byte) id.length;
        System.arraycopy(id, 0, packet, 6, id.length);
        return packet;
    }

    private static byte[] id(int fill) {
        byte[] id = new byte[ID_LENGTH];
        Arrays.fill(id, (byte) fill);
        return id;
    }

    private static DatagramPacket packet(byte[] content) {
        return new DatagramPacket(Unpooled.wrappedBuffer(content), LOCAL, PEER);
    }

    private static String hex(byte[] bytes) {
        return ByteBufUtil.hexDump(bytes);
    }

    /** Stands in for a QUIC codec: takes every datagram and never passes it on, as Netty's codecs do. */
    private static final class Codec extends ChannelInboundHandlerAdapter {
        final List<String> received = new ArrayList<>();
        int readCompletes;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf content = ((DatagramPacket) msg).content();
            received.add(ByteBufUtil.hexDump(content));
            ((DatagramPacket) msg).release();
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            readCompletes++;
        }
    }
}
