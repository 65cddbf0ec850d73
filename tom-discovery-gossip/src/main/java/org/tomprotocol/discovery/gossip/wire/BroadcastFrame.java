package org.tomprotocol.discovery.gossip.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The PlumTree frames. {@code round} is always the hop count at which the receiver gets the broadcast
 * through the sender: 1 for a neighbour of the origin.
 */
public sealed interface BroadcastFrame extends Frame {
    /** A broadcast payload, pushed eagerly along the tree or sent in answer to a graft. */
    record Gossip(int round, byte[] payload) implements BroadcastFrame {
        public Gossip {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Gossip that && round == that.round && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return 31 * round + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Gossip[round=" + round + ", " + payload.length + " bytes]";
        }
    }

    /** The lazy push: ids the sender has, so the receiver can graft a missing one. */
    record IHave(List<Announcement> announcements) implements BroadcastFrame {
        public IHave {
            announcements = List.copyOf(announcements);
        }
    }

    /** One broadcast offered by {@link IHave}, with the round the receiver would get it at. */
    record Announcement(BroadcastId id, int round) {
        public Announcement {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Moves the receiver into the sender's eager set. With an {@code id} (may be {@code null}) it also asks
     * for that broadcast's payload; without, it only repairs the tree.
     */
    record Graft(BroadcastId id, int round) implements BroadcastFrame {
    }

    /** Moves the receiver into the sender's lazy set: the sender already had what the receiver pushed. */
    record Prune() implements BroadcastFrame {
    }
}
