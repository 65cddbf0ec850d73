package org.tomprotocol.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.tomprotocol.spi.transport.Signal;

/**
 * The plaintext sealed in a {@code Signal} envelope (§5.1): {@code [session, kind, body]}, three strings — WebRTC
 * signalling for a transport that sets its sessions up through the node.
 */
public record SignalPayload(Signal signal) {
    public SignalPayload {
        Objects.requireNonNull(signal, "signal");
    }

    public byte[] encode() {
        return new MsgpackWriter().arrayHeader(3).string(signal.session()).string(signal.kind().wireName())
                .string(signal.body()).toByteArray();
    }

    public static SignalPayload decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(3, "signal");
        String session = reader.string(Signal.MAX_SESSION_BYTES, "session");
        String kind = reader.string(16, "kind");
        String body = reader.string(Signal.MAX_BODY_BYTES, "body");
        reader.expectEnd("signal");
        Signal.Kind parsed = Signal.Kind.fromWireName(kind);
        if (parsed == null || session.isEmpty()) {
            throw new WireException("malformed", "a signal is [session, offer | answer | close, body]");
        }
        if (session.getBytes(StandardCharsets.UTF_8).length > Signal.MAX_SESSION_BYTES) {
            throw new WireException("out-of-range", "signal session longer than " + Signal.MAX_SESSION_BYTES + " bytes");
        }
        return new SignalPayload(new Signal(session, parsed, body));
    }
}
