package org.tomprotocol.discovery.gossip.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;

/**
 * Node ids and transport addresses on the wire. An address is {@code u8 scheme length, scheme (ASCII),
 * u8 address length, address (UTF-8)}; a list is {@code u8 count} and its items. Encoding silently leaves
 * out what the limits do not allow (an over-long address, a ninth address); decoding rejects it.
 */
final class AddressCodec {
    private AddressCodec() {
    }

    static void writeAddresses(FrameWriter out, List<TransportAddress> addresses) {
        List<byte[][]> fitting = new ArrayList<>();
        for (TransportAddress address : addresses) {
            byte[] scheme = address.scheme().getBytes(StandardCharsets.US_ASCII);
            byte[] text = address.address().getBytes(StandardCharsets.UTF_8);
            if (scheme.length <= FrameCodec.MAX_SCHEME_BYTES && text.length <= FrameCodec.MAX_ADDRESS_BYTES) {
                fitting.add(new byte[][] {scheme, text});
                if (fitting.size() == FrameCodec.MAX_ADDRESSES) {
                    break;
                }
            }
        }
        out.u8(fitting.size());
        for (byte[][] parts : fitting) {
            out.u8(parts[0].length).bytes(parts[0]).u8(parts[1].length).bytes(parts[1]);
        }
    }

    static List<TransportAddress> readAddresses(FrameReader in) throws MalformedFrameException {
        int count = in.u8();
        if (count > FrameCodec.MAX_ADDRESSES) {
            throw new MalformedFrameException("too-many-addresses", count + " addresses, at most "
                    + FrameCodec.MAX_ADDRESSES + " allowed");
        }
        List<TransportAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int schemeLength = in.u8();
            if (schemeLength > FrameCodec.MAX_SCHEME_BYTES) {
                throw new MalformedFrameException("bad-address", "scheme of " + schemeLength + " bytes");
            }
            String scheme = new String(in.bytes(schemeLength), StandardCharsets.US_ASCII);
            String text = new String(in.bytes(in.u8()), StandardCharsets.UTF_8);
            try {
                addresses.add(new TransportAddress(scheme, text));
            } catch (IllegalArgumentException e) {
                throw new MalformedFrameException("bad-address", e.getMessage());
            }
        }
        return addresses;
    }

    static void writePeer(FrameWriter out, PeerAddress peer) {
        byte[] id = new byte[NodeId.LENGTH];
        peer.id().copyTo(id, 0);
        out.bytes(id);
        writeAddresses(out, peer.addresses());
    }

    static PeerAddress readPeer(FrameReader in) throws MalformedFrameException {
        NodeId id = NodeId.of(in.bytes(NodeId.LENGTH));
        return new PeerAddress(id, readAddresses(in));
    }

    static void writePeers(FrameWriter out, List<PeerAddress> peers) {
        if (peers.size() > FrameCodec.MAX_PEERS) {
            throw new IllegalArgumentException("at most " + FrameCodec.MAX_PEERS + " peers fit a frame, got "
                    + peers.size());
        }
        out.u8(peers.size());
        for (PeerAddress peer : peers) {
            writePeer(out, peer);
        }
    }

    static List<PeerAddress> readPeers(FrameReader in) throws MalformedFrameException {
        int count = in.u8();
        if (count > FrameCodec.MAX_PEERS) {
            throw new MalformedFrameException("too-many-peers", count + " peers, at most " + FrameCodec.MAX_PEERS
                    + " allowed");
        }
        List<PeerAddress> peers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            peers.add(readPeer(in));
        }
        return peers;
    }
}
