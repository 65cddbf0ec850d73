package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.tomprotocol.api.TransportAddress;

/**
 * This node's own addresses: where the socket is bound (concrete interface addresses for a wildcard bind), then
 * the observed addresses it adopted ({@link ObservedAddressVotes} decides which), deduplicated. A bound address
 * is never displaced. Written on the event loop; read anywhere.
 */
final class LocalAddressBook {
    /** Distinct reported addresses kept for diagnostics. */
    static final int MAX_REPORTED = 32;

    private List<TransportAddress> bound = List.of();
    private List<TransportAddress> adopted = List.of();
    private final LinkedHashSet<TransportAddress> reported = new LinkedHashSet<>();
    private long reports;
    private volatile List<TransportAddress> snapshot = List.of();

    /** Sets where the socket is bound, once it is. */
    synchronized void bound(List<InetSocketAddress> boundAddresses) {
        bound = boundAddresses.stream().map(QuicAddresses::format).distinct().toList();
        publish();
    }

    /** Every address, bound ones first. */
    List<TransportAddress> snapshot() {
        return snapshot;
    }

    /** Only the adopted observed addresses that are not bound ones. */
    synchronized List<TransportAddress> observed() {
        return adopted.stream().filter(address -> !bound.contains(address)).toList();
    }

    /** Every distinct address peers reported, adopted or not, bound ones included (diagnostics). */
    synchronized List<TransportAddress> reported() {
        return List.copyOf(reported);
    }

    /** How many reports peers sent (diagnostics). */
    synchronized long reports() {
        return reports;
    }

    /** A peer reported {@code address} (diagnostics; adopting it is not this book's decision). */
    synchronized void noteReported(InetSocketAddress address) {
        reports++;
        if (reported.size() < MAX_REPORTED) {
            reported.add(QuicAddresses.format(address));
        }
    }

    /**
     * Replaces the adopted observed addresses.
     *
     * @return whether the list of local addresses changed
     */
    synchronized boolean adopt(List<InetSocketAddress> addresses) {
        List<TransportAddress> before = snapshot;
        adopted = addresses.stream().map(QuicAddresses::format).distinct().toList();
        publish();
        return !snapshot.equals(before);
    }

    private void publish() {
        LinkedHashSet<TransportAddress> next = new LinkedHashSet<>(bound);
        next.addAll(adopted);
        snapshot = List.copyOf(new ArrayList<>(next));
    }
}
