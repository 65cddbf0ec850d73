package org.tomprotocol.crypto.sodium;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.tomprotocol.api.NodeId;

/**
 * Recipients' X25519 keys, converted from their node ids once per peer rather than once per message. Public data
 * only; bounded: when full it starts over. Empty for a key libsodium will not convert.
 */
final class MontgomeryKeys {
    private static final int CAPACITY = 4_096;

    private final Libsodium sodium;
    private final ConcurrentHashMap<NodeId, Optional<byte[]>> converted = new ConcurrentHashMap<>();

    MontgomeryKeys(Libsodium sodium) {
        this.sodium = sodium;
    }

    /** The X25519 form of a node id the base suite found valid; the array is shared, read-only. */
    Optional<byte[]> of(NodeId key) {
        Optional<byte[]> known = converted.get(key);
        if (known != null) {
            return known;
        }
        if (converted.size() >= CAPACITY) {
            converted.clear();
        }
        return converted.computeIfAbsent(key, this::convert);
    }

    private Optional<byte[]> convert(NodeId key) {
        byte[] montgomery = new byte[32];
        return sodium.publicKeyToCurve25519(montgomery, key.toBytes()) == 0
                ? Optional.of(montgomery) : Optional.empty();
    }
}
