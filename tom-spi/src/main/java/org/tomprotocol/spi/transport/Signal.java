package org.tomprotocol.spi.transport;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.tomprotocol.api.Api;

/**
 * Signalling of a transport that sets its sessions up through the node (capability
 * {@link TransportCapability#SIGNALLED}, e.g. WebRTC): an offer, its answer, or the end of an attempt. The node
 * carries it to the peer sealed and signed ({@code docs/wire-spec.md} §5.1), so what a transport receives was
 * written by that peer for this node.
 *
 * @param session names one attempt: a fresh random id per offer, repeated by its answer and its close (1–64 bytes)
 * @param kind    what it is
 * @param body    the SDP of an offer or answer (its candidates gathered), or a reason for a close (≤ 16 KiB)
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public record Signal(String session, Kind kind, String body) {
    /** The longest session name, in UTF-8 bytes. */
    public static final int MAX_SESSION_BYTES = 64;
    /** The longest body, in UTF-8 bytes: an SDP with its candidates, with room to spare. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** What a signal says. */
    public enum Kind {
        OFFER("offer"), ANSWER("answer"), CLOSE("close");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** Its name on the wire. */
        public String wireName() {
            return wireName;
        }

        /** The kind with this wire name, or {@code null}. */
        public static Kind fromWireName(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * @throws IllegalArgumentException naming the field that is empty or too long
     */
    public Signal {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        int sessionBytes = session.getBytes(StandardCharsets.UTF_8).length;
        if (sessionBytes == 0 || sessionBytes > MAX_SESSION_BYTES) {
            throw new IllegalArgumentException("signal session is " + sessionBytes + " bytes: use 1 to "
                    + MAX_SESSION_BYTES);
        }
        int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("signal body is " + bodyBytes + " bytes: at most " + MAX_BODY_BYTES);
        }
    }
}
