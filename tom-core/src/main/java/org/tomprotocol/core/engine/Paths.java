package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tomprotocol.api.NodeId;

/** Helpers on relay lists. */
final class Paths {
    private Paths() {
    }

    /** {@code via} in reverse order: the way back. */
    static List<NodeId> reversed(List<NodeId> via) {
        if (via.isEmpty()) {
            return List.of();
        }
        List<NodeId> copy = new ArrayList<>(via);
        Collections.reverse(copy);
        return copy;
    }
}
