package org.tomprotocol.testkit.gossip;

import org.tomprotocol.api.TransportAddress;

/** Simulated transport addresses: {@code sim:node-<index>}. */
final class SimAddresses {
    static final String SCHEME = "sim";
    private static final String PREFIX = "node-";

    private SimAddresses() {
    }

    /** The address of the node added {@code index}-th. */
    static TransportAddress of(int index) {
        return new TransportAddress(SCHEME, PREFIX + index);
    }

    /** The index an address names, or -1 when it is not a simulated address. */
    static int indexOf(TransportAddress address) {
        if (!SCHEME.equals(address.scheme()) || !address.address().startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(address.address().substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
