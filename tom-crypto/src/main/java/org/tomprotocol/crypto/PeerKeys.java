package org.tomprotocol.crypto;

import java.util.concurrent.ConcurrentHashMap;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoException;

/**
 * What the suite derives from a peer's public key — its verification table and its X25519 form — computed
 * once per peer instead of once per message (a point decompression, a table of multiples and a field
 * inversion each time otherwise). Public data only; bounded: when full it starts over.
 */
final class PeerKeys {
    private static final int CAPACITY = 4_096;

    /** A key's derived forms; both {@code null} when the key is not a usable public key. */
    record Derived(Edwards25519.PointTable negatedKey, byte[] montgomery) {
        boolean valid() {
            return negatedKey != null;
        }
    }

    private final ConcurrentHashMap<NodeId, Derived> derived = new ConcurrentHashMap<>();

    Derived of(NodeId key) {
        Derived known = derived.get(key);
        if (known != null) {
            return known;
        }
        if (derived.size() >= CAPACITY) {
            derived.clear();
        }
        return derived.computeIfAbsent(key, PeerKeys::derive);
    }

    private static Derived derive(NodeId key) {
        byte[] bytes = key.toBytes();
        Edwards25519.PointTable table = StrictEd25519Verifier.negatedKeyTable(bytes);
        if (table == null) {
            return new Derived(null, null);
        }
        try {
            return new Derived(table, EdwardsToMontgomery.publicKey(bytes));
        } catch (CryptoException e) {
            return new Derived(null, null);
        }
    }
}
