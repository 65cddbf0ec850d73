package org.tomprotocol.core.engine;

import java.util.HashSet;
import java.util.Set;

import org.tomprotocol.api.NodeId;

/**
 * Whether peers keep reaching this node, as the hub-candidate role's evidence (docs/roles.md): time is cut into
 * windows of {@link #WINDOW_MS}; a window in which at least {@link #PEERS} distinct neighbours handed this node an
 * envelope that passed every check (signature, freshness, routing) — over a session authenticated by their keys — is
 * worth {@link #UNITS_PER_WINDOW} units. Fed to an {@link EarnedRole} with a one-hour half-life, an hour and ten
 * minutes of such windows earn the role and three hours without lose it. Pure; agent thread only.
 */
final class Reachability {
    static final long WINDOW_MS = 10 * 60_000L;
    static final int PEERS = 2;
    static final double UNITS_PER_WINDOW = 2;

    private final EarnedRole role;
    private final Set<NodeId> reachedBy = new HashSet<>();
    private long windowEnds = -1;

    Reachability(EarnedRole role) {
        this.role = role;
    }

    /** {@code neighbour} handed this node a verified envelope. */
    void reachedBy(NodeId neighbour, long now) {
        roll(now);
        if (reachedBy.size() < PEERS) {
            reachedBy.add(neighbour);
        }
    }

    /** Closes the window if it is over: time passes even when nothing arrives. */
    void roll(long now) {
        if (windowEnds < 0) {
            windowEnds = now + WINDOW_MS;
        } else if (now >= windowEnds) {
            if (reachedBy.size() >= PEERS) {
                role.add(UNITS_PER_WINDOW, now);
            }
            reachedBy.clear();
            windowEnds = now < windowEnds + WINDOW_MS ? windowEnds + WINDOW_MS : now + WINDOW_MS;
        }
    }
}
