package org.example.tom.staticpeers;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;

/**
 * The frames the {@code static} discovery exchanges on the discovery channel. Each starts with the format version
 * ({@value #VERSION}) and a type:
 *
 * <ul>
 *   <li>{@code HELLO} — {@code answer-wanted} (one byte, 0 or 1) and the sender's addresses: "count me as your
 *       neighbour; answer with a HELLO if you do not count me as one yet".</li>
 *   <li>{@code PEERS} — neighbours of the sender, each its 32-byte node id and addresses: nodes to greet.</li>
 *   <li>{@code PAYLOAD} — a broadcast payload, the rest of the frame.</li>
 * </ul>
 *
 * Addresses are a count byte, then per address a length byte and the UTF-8 text {@code scheme:address}. The few
 * bytes of this format are written by hand; a plugin with a richer format would take a library (the engine uses
 * msgpack-core) and ship its jar beside the plugin.
 */
final class Frames {
    static final byte VERSION = 1;
    static final int MAX_ADDRESSES = 8;
    static final int MAX_PEERS = 32;
    /** As the gossip discovery: an announce is far smaller. */
    static final int MAX_PAYLOAD_BYTES = 8 * 1024;

    private static final byte HELLO = 1;
    private static final byte PEERS = 2;
    private static final byte PAYLOAD = 3;
    private static final int MAX_ADDRESS_BYTES = 255;

    /** A decoded frame. */
    sealed interface Frame permits Hello, Peers, Payload {
    }

    record Hello(boolean answerWanted, List<TransportAddress> addresses) implements Frame {
    }

    record Peers(List<PeerAddress> peers) implements Frame {
    }

    record Payload(byte[] payload) implements Frame {
    }

    /** A frame no honest node sends; {@code reason} is the counter name (lower-case words and hyphens). */
    static final class MalformedFrameException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        MalformedFrameException(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private Frames() {
    }

    static byte[] hello(boolean answerWanted, List<TransportAddress> addresses) {
        byte[] encoded = addresses(addresses);
        ByteBuffer out = header(HELLO, 1 + encoded.length);
        out.put((byte) (answerWanted ? 1 : 0)).put(encoded);
        return out.array();
    }

    /** Up to {@value #MAX_PEERS} of {@code peers}, those without an address left out. */
    static byte[] peers(List<PeerAddress> peers) {
        List<byte[]> entries = new ArrayList<>();
        int size = 1;
        for (PeerAddress peer : peers) {
            byte[] addresses = addresses(peer.addresses());
            if (addresses.length > 1 && entries.size() < MAX_PEERS) {
                byte[] entry = new byte[NodeId.LENGTH + addresses.length];
                System.arraycopy(peer.id().toBytes(), 0, entry, 0, NodeId.LENGTH);
                System.arraycopy(addresses, 0, entry, NodeId.LENGTH, addresses.length);
                entries.add(entry);
                size += entry.length;
            }
        }
        ByteBuffer out = header(PEERS, size);
        out.put((byte) entries.size());
        entries.forEach(out::put);
        return out.array();
    }

    static byte[] payload(byte[] payload) {
        return header(PAYLOAD, payload.length).put(payload).array();
    }

    /** @throws MalformedFrameException naming what is wrong, for the {@code rejected.<reason>} counter */
    static Frame decode(byte[] frame) throws MalformedFrameException {
        if (frame.length < 2) {
            throw new MalformedFrameException("malformed-frame");
        }
        if (frame[0] != VERSION) {
            throw new MalformedFrameException("unknown-version");
        }
        ByteBuffer in = ByteBuffer.wrap(frame, 2, frame.length - 2);
        try {
            Frame decoded = switch (frame[1]) {
                case HELLO -> new Hello(flag(in.get()), decodeAddresses(in));
                case PEERS -> new Peers(decodePeers(in));
                case PAYLOAD -> new Payload(payloadOf(frame));
                default -> throw new MalformedFrameException("unknown-frame-type");
            };
            if (frame[1] != PAYLOAD && in.hasRemaining()) {
                throw new MalformedFrameException("malformed-frame");
            }
            return decoded;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MalformedFrameException("malformed-frame");
        }
    }

    private static ByteBuffer header(byte type, int bodyLength) {
        return ByteBuffer.allocate(2 + bodyLength).put(VERSION).put(type);
    }

    private static boolean flag(byte value) throws MalformedFrameException {
        if (value != 0 && value != 1) {
            throw new MalformedFrameException("malformed-frame");
        }
        return value == 1;
    }

    private static byte[] payloadOf(byte[] frame) throws MalformedFrameException {
        if (frame.length - 2 > MAX_PAYLOAD_BYTES) {
            throw new MalformedFrameException("oversize-payload");
        }
        return Arrays.copyOfRange(frame, 2, frame.length);
    }

    /** Up to {@value #MAX_ADDRESSES} addresses; one whose text is too long for the format is left out. */
    private static byte[] addresses(List<TransportAddress> addresses) {
        List<byte[]> texts = new ArrayList<>();
        int size = 1;
        for (TransportAddress address : addresses) {
            byte[] text = address.toString().getBytes(StandardCharsets.UTF_8);
            if (text.length <= MAX_ADDRESS_BYTES && texts.size() < MAX_ADDRESSES) {
                texts.add(text);
                size += 1 + text.length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size).put((byte) texts.size());
        texts.forEach(text -> out.put((byte) text.length).put(text));
        return out.array();
    }

    private static List<TransportAddress> decodeAddresses(ByteBuffer in) throws MalformedFrameException {
        int count = Byte.toUnsignedInt(in.get());
        if (count > MAX_ADDRESSES) {
            throw new MalformedFrameException("too-many-addresses");
        }
        List<TransportAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] text = new byte[Byte.toUnsignedInt(in.get())];
            in.get(text);
            addresses.add(TransportAddress.parse(utf8(text)));
        }
        return List.copyOf(addresses);
    }

    private static List<PeerAddress> decodePeers(ByteBuffer in) throws MalformedFrameException {
        int count = Byte.toUnsignedInt(in.get());
        if (count > MAX_PEERS) {
            throw new MalformedFrameException("too-many-peers");
        }
        List<PeerAddress> peers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] id = new byte[NodeId.LENGTH];
            in.get(id);
            peers.add(new PeerAddress(NodeId.of(id), decodeAddresses(in)));
        }
        return List.copyOf(peers);
    }

    private static String utf8(byte[] bytes) throws MalformedFrameException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFrameException("malformed-frame");
        }
    }
}
