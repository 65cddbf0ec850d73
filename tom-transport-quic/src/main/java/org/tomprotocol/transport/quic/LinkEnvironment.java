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
 * @param dialer    opens connections
 */
record LinkEnvironment(NodeId localId, QuicOptions options, TransportListener listener, Set<NodeId> connected,
                       LocalAddressBook addresses, Dialer dialer) {
    /** A peer told us how it sees us. */
    void observed(InetSocketAddress address) {
        if (addresses.addObserved(address)) {
            listener.onLocalAddressesChanged(addresses.snapshot());
        }
    }
}
