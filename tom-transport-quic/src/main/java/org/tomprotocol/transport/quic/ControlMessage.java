package org.tomprotocol.transport.quic;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A frame on the {@link org.tomprotocol.spi.transport.FrameChannel#CONTROL} channel: the transport's own
 * signalling, never given to the engine. One type byte, then the body:
 * <ul>
 *   <li>{@code 1} OBSERVED_ADDRESS: address length (4 or 16), the address, the port (u16 big-endian) — how the
 *       sender sees the receiver;</li>
 *   <li>{@code 2} KEEPALIVE: nothing — keeps NAT mappings open and proves the connection alive;</li>
 *   <li>{@code 3} RETIRE: nothing — "I send nothing more on this duplicate connection".</li>
 * </ul>
 * Unknown types are ignored, so later versions can add some.
 *
 * @param type     the message type
 * @param observed the observed address, for {@link Type#OBSERVED_ADDRESS}
 */
record ControlMessage(Type type, InetSocketAddress observed) {
    /** Control message types and their wire codes. */
    enum Type {
        OBSERVED_ADDRESS(1), KEEPALIVE(2), RETIRE(3);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Type ofCode(int code) {
            for (Type type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return null;
        }
    }

    static final ControlMessage KEEPALIVE = new ControlMessage(Type.KEEPALIVE, null);
    static final ControlMessage RETIRE = new ControlMessage(Type.RETIRE, null);

    static ControlMessage observedAddress(InetSocketAddress address) {
        return new ControlMessage(Type.OBSERVED_ADDRESS, address);
    }

    byte[] encode() {
        if (type != Type.OBSERVED_ADDRESS) {
            return new byte[] {(byte) type.code};
        }
        byte[] ip = observed.getAddress().getAddress();
        byte[] out = new byte[2 + ip.length + 2];
        out[0] = (byte) type.code;
        out[1] = (byte) ip.length;
        System.arraycopy(ip, 0, out, 2, ip.length);
        out[2 + ip.length] = (byte) (observed.getPort() >>> 8);
        out[3 + ip.length] = (byte) observed.getPort();
        return out;
    }

    /**
     * Decodes a control frame.
     *
     * @return the message, or {@code null} for an unknown type
     * @throws IllegalArgumentException if the frame is malformed
     */
    static ControlMessage decode(byte[] frame) {
        if (frame.length == 0) {
            throw new IllegalArgumentException("empty control frame");
        }
        Type type = Type.ofCode(frame[0] & 0xff);
        if (type == null) {
            return null;
        }
        if (type != Type.OBSERVED_ADDRESS) {
            return type == Type.KEEPALIVE ? KEEPALIVE : RETIRE;
        }
        if (frame.length < 2) {
            throw new IllegalArgumentException("observed-address frame without an address");
        }
        int length = frame[1] & 0xff;
        if ((length != 4 && length != 16) || frame.length != 2 + length + 2) {
            throw new IllegalArgumentException("observed-address frame has a bad length");
        }
        int port = ((frame[2 + length] & 0xff) << 8) | (frame[3 + length] & 0xff);
        if (port == 0) {
            throw new IllegalArgumentException("observed-address frame has port 0");
        }
        try {
            InetAddress ip = InetAddress.getByAddress(Arrays.copyOfRange(frame, 2, 2 + length));
            return observedAddress(new InetSocketAddress(ip, port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("observed-address frame has a bad address", e);
        }
    }
}
