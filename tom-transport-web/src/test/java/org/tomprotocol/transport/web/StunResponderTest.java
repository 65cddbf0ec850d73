package org.tomprotocol.transport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;

/**
 * The endpoint answers a STUN binding request on its port number over UDP with the address the request came from
 * (XOR-MAPPED-ADDRESS, RFC 8489), and stays silent to anything else or when told not to answer.
 */
class StunResponderTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private Transport transport;

    @AfterEach
    void stop() {
        transport.close();
    }

    private InetSocketAddress endpoint(Map<String, String> options) throws Exception {
        transport = new WebTransportProvider().bind(new TransportContext(SUITE.generateIdentity(), SUITE,
                List.of(TransportAddress.parse("ws:127.0.0.1:0")), 1 << 16, options, new IgnoringListener()));
        String[] hostPort = transport.localAddresses().get(0).address().split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    private static byte[] bindingRequest(byte[] transactionId, int type, int cookie) {
        return ByteBuffer.allocate(20).putShort((short) type).putShort((short) 0).putInt(cookie).put(transactionId)
                .array();
    }

    /** The answer to {@code request}, or null if none came within 300 ms. */
    private static byte[] ask(DatagramSocket socket, InetSocketAddress to, byte[] request) throws Exception {
        socket.send(new DatagramPacket(request, request.length, to));
        socket.setSoTimeout(300);
        byte[] buffer = new byte[600];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(answer);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return java.util.Arrays.copyOf(buffer, answer.getLength());
    }

    @Test
    void aBindingRequestIsAnsweredWithTheAddressItCameFrom() throws Exception {
        InetSocketAddress stun = endpoint(Map.of());
        byte[] transaction = new byte[12];
        ThreadLocalRandom.current().nextBytes(transaction);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            ByteBuffer answer = ByteBuffer.wrap(ask(socket, stun,
                    bindingRequest(transaction, StunResponder.BINDING_REQUEST, StunResponder.MAGIC_COOKIE)));

            assertThat(answer.getShort() & 0xffff).isEqualTo(StunResponder.BINDING_SUCCESS);
            assertThat(answer.getShort() & 0xffff).as("attributes' length").isEqualTo(12);
            assertThat(answer.getInt()).isEqualTo(StunResponder.MAGIC_COOKIE);
            byte[] echoed = new byte[12];
            answer.get(echoed);
            assertThat(echoed).as("the transaction id").isEqualTo(transaction);
            assertThat(answer.getShort() & 0xffff).isEqualTo(StunResponder.XOR_MAPPED_ADDRESS);
            assertThat(answer.getShort() & 0xffff).isEqualTo(8);
            assertThat(answer.getShort() & 0xffff).as("reserved, IPv4").isEqualTo(1);
            int port = (answer.getShort() & 0xffff) ^ (StunResponder.MAGIC_COOKIE >>> 16);
            int address = answer.getInt() ^ StunResponder.MAGIC_COOKIE;
            assertThat(port).isEqualTo(socket.getLocalPort());
            assertThat(InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(address).array()))
                    .isEqualTo(InetAddress.getLoopbackAddress());
        }
    }

    @Test
    void anythingButAWellFormedBindingRequestGetsNoAnswer() throws Exception {
        InetSocketAddress stun = endpoint(Map.of());
        byte[] transaction = new byte[12];
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(ask(socket, stun, bindingRequest(transaction, 0x0111, StunResponder.MAGIC_COOKIE)))
                    .as("not a binding request").isNull();
            assertThat(ask(socket, stun, bindingRequest(transaction, StunResponder.BINDING_REQUEST, 0x12345678)))
                    .as("no magic cookie (classic STUN)").isNull();
            assertThat(ask(socket, stun, new byte[] {0, 1, 0, 0})).as("truncated").isNull();
            byte[] lying = bindingRequest(transaction, StunResponder.BINDING_REQUEST, StunResponder.MAGIC_COOKIE);
            lying[3] = 8;
            assertThat(ask(socket, stun, lying)).as("a length the datagram does not have").isNull();
            assertThat(ask(socket, stun, bindingRequest(transaction, StunResponder.BINDING_REQUEST,
                    StunResponder.MAGIC_COOKIE))).as("and a good one still is answered").isNotNull();
        }
    }

    @Test
    void anEndpointToldNotToAnswersNothing() throws Exception {
        InetSocketAddress stun = endpoint(Map.of("web.stun", "false"));
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(ask(socket, stun, bindingRequest(new byte[12], StunResponder.BINDING_REQUEST,
                    StunResponder.MAGIC_COOKIE))).isNull();
        }
    }
}
