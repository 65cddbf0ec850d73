package org.tomprotocol.transport.quic;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.Future;

/**
 * Real first Initials of QUIC clients (a ClientHello in properly protected packets, as anyone can build: Initial
 * keys are public), captured before they reach anyone, to be replayed at a victim from sockets that never answer —
 * what a flood from spoofed addresses looks like to the victim. Each has its own destination connection id.
 */
final class GenuineInitials {
    private GenuineInitials() {
    }

    static List<byte[]> make(int count) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (DatagramSocket capture = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            capture.setReceiveBufferSize(8 << 20);
            QuicSslContext tls = QuicSslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .applicationProtocols(TlsContexts.ALPN).build();
            ChannelHandler codec = new QuicClientCodecBuilder().sslContext(tls).maxIdleTimeout(60_000,
                    java.util.concurrent.TimeUnit.MILLISECONDS).initialMaxData(1 << 20).build();
            Channel client = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(codec)
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            InetSocketAddress to = (InetSocketAddress) capture.getLocalSocketAddress();
            List<byte[]> initials = new ArrayList<>();
            Set<ByteBuffer> seen = new HashSet<>();
            byte[] buffer = new byte[2048];
            capture.setSoTimeout(5_000);
            while (initials.size() < count) {
                int batch = Math.min(100, count - initials.size());
                List<Future<QuicChannel>> connecting = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    connecting.add(QuicChannel.newBootstrap(client).handler(new ChannelInboundHandlerAdapter())
                            .streamHandler(new ChannelInboundHandlerAdapter()).remoteAddress(to).connect());
                }
                for (int captured = 0; captured < batch; ) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    capture.receive(packet);
                    byte[] datagram = Arrays.copyOf(packet.getData(), packet.getLength());
                    if ((datagram[0] & 0xf0) == 0xc0 && seen.add(ByteBuffer.wrap(destinationId(datagram)))) {
                        initials.add(datagram);
                        captured++;
                    }
                }
                connecting.forEach(attempt -> attempt.cancel(false)); // nothing more from these clients
            }
            client.close().sync();
            return initials;
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }

    private static byte[] destinationId(byte[] longHeader) {
        return Arrays.copyOfRange(longHeader, 6, 6 + longHeader[5]);
    }
}
