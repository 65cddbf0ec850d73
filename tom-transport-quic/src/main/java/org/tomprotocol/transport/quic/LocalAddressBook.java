package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.tomprotocol.api.TransportAddress;

/**
 * This node's own addresses: where the socket is bound (concrete interface addresses for a wildcard bind) and
 * how peers observe it (e.g. a NAT's public mapping), deduplicated, bound ones first. Written on the event
 * loop; read anywhere.
 */
final class LocalAddressBook {
    /** Peers could report arbitrary addresses; keep only the first few distinct ones. */
    static final int MAX_OBSERVED = 8;

    private List<TransportAddress> bound = List.of();
    private final LinkedHashSet<TransportAddress> observed = new LinkedHashSet<>();
    private final LinkedHashSet<TransportAddress> reported = new LinkedHashSet<>();
    private volatile List<TransportAddress> snapshot = List.of();

    /** Sets where the socket is bound, once it is. */
    synchronized void bound(List<InetSocketAddress> boundAddresses) {
        bound = boundAddresses.stream().map(QuicAddresses::format).distinct().toList();
        observed.removeAll(bound);
        publish();
    }

    /** Every address, bound ones first. */
    List<TransportAddress> snapshot() {
        return snapshot;
    }

    /** Only the addresses peers reported. */
    synchronized List<TransportAddress> observed() {
        return List.copyOf(observed);
    }

    /** Every distinct address peers reported, bound ones included (diagnostics). */
    synchronized List<TransportAddress> reported() {
        return List.copyOf(reported);
    }

    /** Records an address a peer observed; returns whether the list of local addresses changed. */
    synchronized boolean addObserved(InetSocketAddress address) {
        TransportAddress formatted = QuicAddresses.format(address);
        if (reported.size() < 4 * MAX_OBSERVED) {
            reported.add(formatted);
        }
        if (bound.contains(formatted) || observed.contains(formatted)) {
            return false;
        }
        observed.add(formatted);
        if (observed.size() > MAX_OBSERVED) {
            observed.remove(observed.iterator().next());
        }
        publish();
        return true;
    }

    private void publish() {
        List<TransportAddress> next = new ArrayList<>(bound);
        next.addAll(observed);
        snapshot = List.copyOf(next);
    }
}
