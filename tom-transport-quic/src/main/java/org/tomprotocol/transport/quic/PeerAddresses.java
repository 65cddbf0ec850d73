package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where a peer may be dialled: the addresses we were given (announces, introductions, bootstrap), then the
 * ones its own connections came from (its socket as we see it, e.g. its NAT mapping). Each list keeps the
 * newest {@value #MAX_ADDRESSES}. Event-loop confined.
 */
final class PeerAddresses {
    private static final int MAX_ADDRESSES = 16;

    private final LinkedHashSet<InetSocketAddress> given = new LinkedHashSet<>();
    private final LinkedHashSet<InetSocketAddress> learned = new LinkedHashSet<>();

    /** Adds given addresses; returns whether any was new. */
    boolean addGiven(Collection<InetSocketAddress> addresses) {
        boolean added = false;
        for (InetSocketAddress address : addresses) {
            added |= given.add(address);
        }
        trim(given);
        return added;
    }

    /** The peer's packets came from {@code address} on a connection it dialled, or after it migrated. */
    void learn(InetSocketAddress address) {
        learned.add(address);
        trim(learned);
    }

    boolean wasGiven(InetSocketAddress address) {
        return given.contains(address);
    }

    List<InetSocketAddress> dialTargets() {
        LinkedHashSet<InetSocketAddress> targets = new LinkedHashSet<>(given);
        targets.addAll(learned);
        return List.copyOf(targets);
    }

    private static void trim(LinkedHashSet<InetSocketAddress> addresses) {
        while (addresses.size() > MAX_ADDRESSES) {
            addresses.remove(addresses.iterator().next());
        }
    }
}
