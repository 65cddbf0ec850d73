package org.tomprotocol.transport.web;

import java.net.Inet4Address;
import java.net.InetSocketAddress;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * A STUN binding responder (RFC 8489, binding method only) on the endpoint's UDP port: a browser whose page this node
 * served learns the address its UDP packets come from — its server-reflexive candidate — from the node itself, so no
 * outside STUN server is needed. It answers only a well-formed binding request, with one attribute
 * (XOR-MAPPED-ADDRESS, 32 or 44 bytes in all), and at most {@value #ANSWERS_PER_SECOND} a second: a spoofed flood
 * gets its victim little more than it costs (one event loop thread; its loop only).
 */
final class StunResponder extends SimpleChannelInboundHandler<DatagramPacket> {
    static final int ANSWERS_PER_SECOND = 500;
    static final int HEADER_BYTES = 20;
    static final int MAGIC_COOKIE = 0x2112A442;
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    /** The largest request looked at: a binding request with the attributes browsers add fits easily. */
    static final int MAX_REQUEST_BYTES = 548;

    private final org.tomprotocol.spi.state.TokenBucket answers =
            new org.tomprotocol.spi.state.TokenBucket(ANSWERS_PER_SECOND, ANSWERS_PER_SECOND, System.nanoTime() / 1_000_000);

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf request = packet.content();
        int length = request.readableBytes();
        if (length < HEADER_BYTES || length > MAX_REQUEST_BYTES
                || request.getUnsignedShort(0) != BINDING_REQUEST
                || request.getUnsignedShort(2) != length - HEADER_BYTES
                || (request.getUnsignedShort(2) & 3) != 0
                || request.getInt(4) != MAGIC_COOKIE
                || !answers.tryTake(1, System.nanoTime() / 1_000_000)) {
            return;
        }
        InetSocketAddress sender = packet.sender();
        byte[] address = sender.getAddress().getAddress();
        boolean v4 = sender.getAddress() instanceof Inet4Address;
        ByteBuf response = ctx.alloc().buffer(HEADER_BYTES + 4 + 4 + address.length);
        response.writeShort(BINDING_SUCCESS).writeShort(4 + 4 + address.length).writeInt(MAGIC_COOKIE)
                .writeBytes(request, 8, 12);
        response.writeShort(XOR_MAPPED_ADDRESS).writeShort(4 + address.length)
                .writeByte(0).writeByte(v4 ? 1 : 2).writeShort(sender.getPort() ^ (MAGIC_COOKIE >>> 16));
        // the address is XORed with the cookie, and for IPv6 with the cookie and the transaction id after it
        for (int i = 0; i < address.length; i++) {
            response.writeByte(address[i] ^ request.getByte(4 + i));
        }
        ctx.writeAndFlush(new DatagramPacket(response, sender));
    }
}
