package org.tomprotocol.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;

/**
 * Payload of a {@code Rendezvous} envelope, sent by a relay to each of two peers it carries traffic between:
 * {@code [peer, candidates]} — the other peer and the addresses it may be reached at, first the one the relay
 * observes (its public NAT mapping), then those it announces. The envelope's signature by the relay covers it.
 *
 * @param peer       the peer to open a direct path to
 * @param candidates where to probe and dial it
 */
public record RendezvousPayload(NodeId peer, List<TransportAddress> candidates) {
    /** Most candidates carried. */
    public static final int MAX_CANDIDATES = 16;
    private static final int MAX_ADDRESS_LENGTH = 256;

    public RendezvousPayload {
        Objects.requireNonNull(peer, "peer");
        candidates = List.copyOf(candidates.subList(0, Math.min(candidates.size(), MAX_CANDIDATES)));
    }

    public byte[] encode() {
        MsgpackWriter writer = new MsgpackWriter().arrayHeader(2).nodeId(peer).arrayHeader(candidates.size());
        candidates.forEach(address -> writer.string(address.toString()));
        return writer.toByteArray();
    }

    public static RendezvousPayload decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(2, "rendezvous");
        NodeId peer = reader.nodeId("peer");
        int count = reader.arrayHeader(MAX_CANDIDATES, "candidates");
        List<TransportAddress> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = reader.string(MAX_ADDRESS_LENGTH, "candidate");
            try {
                candidates.add(TransportAddress.parse(text));
            } catch (IllegalArgumentException e) {
                throw new WireException("malformed", "candidate " + i + " is not a transport address");
            }
        }
        reader.expectEnd("rendezvous");
        return new RendezvousPayload(peer, candidates);
    }
}
