package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.tomprotocol.spi.transport.FrameChannel;

/** The frame header and the control messages on the wire. */
class FramingTest {
    @Test
    void envelopeHeaderIsGen2sBigEndianLengthPrefix() {
        assertThat(FrameHeader.encodeBytes(FrameChannel.ENVELOPE, 0x01_0203))
                .containsExactly(0x00, 0x01, 0x02, 0x03);
        assertThat(FrameHeader.encodeBytes(FrameChannel.DISCOVERY, 5)).containsExactly(0x01, 0, 0, 5);
        assertThat(FrameHeader.encodeBytes(FrameChannel.CONTROL, 0xFF_FFFF))
                .containsExactly(0x02, 0xff, 0xff, 0xff);
    }

    @Test
    void headerSplitsIntoChannelAndLength() {
        int header = FrameHeader.encode(FrameChannel.DISCOVERY, 1 << 20);
        assertThat(FrameHeader.channelCode(header)).isEqualTo(FrameChannel.DISCOVERY.code());
        assertThat(FrameHeader.payloadLength(header)).isEqualTo(1 << 20);
        assertThatThrownBy(() -> FrameHeader.encode(FrameChannel.ENVELOPE, 1 << 24))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void observedAddressesRoundTrip() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("203.0.113.5"), 7400);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 65535);

        byte[] encoded = ControlMessage.observedAddress(v4).encode();

        assertThat(encoded).containsExactly(1, 4, 203, 0, 113, 5, 0x1c, 0xe8);
        assertThat(ControlMessage.decode(encoded).observed()).isEqualTo(v4);
        assertThat(ControlMessage.decode(ControlMessage.observedAddress(v6).encode()).observed()).isEqualTo(v6);
    }

    @Test
    void signalsRoundTripAndUnknownTypesAreIgnored() {
        assertThat(ControlMessage.decode(ControlMessage.KEEPALIVE.encode())).isEqualTo(ControlMessage.KEEPALIVE);
        assertThat(ControlMessage.decode(ControlMessage.RETIRE.encode())).isEqualTo(ControlMessage.RETIRE);
        assertThat(ControlMessage.decode(new byte[] {(byte) 200, 1, 2})).isNull();
    }

    @Test
    void malformedControlFramesAreRefused() {
        assertThatThrownBy(() -> ControlMessage.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlMessage.decode(new byte[] {1, 4, 1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlMessage.decode(new byte[] {1, 5, 1, 2, 3, 4, 5, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlMessage.decode(new byte[] {1, 4, 1, 2, 3, 4, 0, 0}))
                .hasMessageContaining("port 0");
    }
}
