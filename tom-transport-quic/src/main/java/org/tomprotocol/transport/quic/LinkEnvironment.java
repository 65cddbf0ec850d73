package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * What every {@link PeerLink} of a transport shares.
 *
 * @param localId   this node
 * @param options   the transport options
 * @param listener  the engine's listener (guarded)
 * @param connected peers with a session, readable from any thread
 * @param addresses this node's addresses, fed with what peers observe
 * @param votes     decides which observed addresses the node adopts
 * @param dialer    opens connections
 * @param errors    where unexpected errors go
 */
record LinkEnvironment(NodeId localId, QuicOptions options, TransportListener listener, Set<NodeId> connected,
                       LocalAddressBook addresses, ObservedAddressVotes votes, Dialer dialer, LoopErrors errors) {
    /** {@code reporter}, connected from {@code reporterAddress}, told us how it sees us. */
    void observed(NodeId reporter, InetSocketAddress reporterAddress, InetSocketAddress address, long nowNanos) {
        addresses.noteReported(address);
        if (votes.report(reporter, reporterAddress, address, nowNanos)) {
            adoptVotes();
        }
    }

    /** {@code reporter}'s session ended: its report starts to age. */
    void reporterLeft(NodeId reporter, long nowNanos) {
        votes.reporterLeft(reporter, nowNanos);
    }

    /** Forgets reports that aged out. */
    void expireObserved(long nowNanos) {
        if (votes.expire(nowNanos)) {
            adoptVotes();
        }
    }

    private void adoptVotes() {
        if (addresses.adopt(votes.adopted())) {
            listener.onLocalAddressesChanged(addresses.snapshot());
        }
    }
}
