package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;

class PunchProbeTest {
    private final NodeId alice = NodeId.of(filled(1));
    private final NodeId bob = NodeId.of(filled(2));

    @Test
    void roundTripsAndIsNeverTakenForQuic() {
        ByteBuf encoded = new PunchProbe(alice, bob).encode(Unpooled.buffer().alloc());

        assertThat(encoded.readableBytes()).isEqualTo(PunchProbe.LENGTH);
        assertThat(encoded.getByte(0) & 0x40).as("QUIC fixed bit").isZero();
        assertThat(PunchProbe.decode(encoded)).isEqualTo(new PunchProbe(alice, bob));
        assertThat(encoded.readerIndex()).isZero();
        encoded.release();
    }

    @Test
    void rejectsDatagramsThatAreNotProbes() {
        byte[] valid = bytesOf(new PunchProbe(alice, bob));

        assertThat(PunchProbe.decode(Unpooled.wrappedBuffer(valid, 0, valid.length - 1))).isNull();
        for (int index : new int[] {0, 1, 4, 5}) {
            byte[] broken = valid.clone();
            broken[index] ^= 0x01;
            assertThat(PunchProbe.decode(Unpooled.wrappedBuffer(broken))).as("byte %d altered", index).isNull();
        }
        byte[] longer = java.util.Arrays.copyOf(valid, valid.length + 1);
        assertThat(PunchProbe.decode(Unpooled.wrappedBuffer(longer))).isNull();
    }

    private static byte[] bytesOf(PunchProbe probe) {
        ByteBuf buffer = probe.encode(Unpooled.buffer().alloc());
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        buffer.release();
        return bytes;
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[NodeId.LENGTH];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
