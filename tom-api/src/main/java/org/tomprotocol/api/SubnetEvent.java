package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An ephemeral subnet formed or dissolved, as this node sees it: nodes that talk often — this node's correspondents
 * and the pairs it carries messages between, at least 3 messages a pair lately — group into subnets of 3 to 10,
 * which dissolve after 5 minutes without a message among their members or once fewer than 3 of them still talk
 * often. Each node keeps its own view (no node announces subnets, no authority names them); this one prefers a
 * relay in its recipient's subnet. See docs/roles.md "Ephemeral subnets".
 *
 * @param kind    what happened
 * @param subnet  the subnet's id, this node's own ({@code subnet-1}, {@code subnet-2}, …)
 * @param members its members, in order of node id
 * @param at      when this node saw it
 */
@Api(status = Api.Status.INCUBATING, since = "0.3")
public record SubnetEvent(Kind kind, String subnet, Set<NodeId> members, Instant at) implements NodeEvent {
    /** What happened to a subnet. */
    @Api(status = Api.Status.INCUBATING, since = "0.3")
    public enum Kind {
        /** Nodes that talk often formed it. */
        FORMED,
        /** No message among its members for 5 minutes: it dissolved. */
        DISSOLVED_IDLE,
        /** Fewer than 3 of its members still talk often: it dissolved. */
        DISSOLVED_TOO_FEW
    }

    public SubnetEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subnet, "subnet");
        members = java.util.Collections.unmodifiableSortedSet(
                new java.util.TreeSet<>(Objects.requireNonNull(members, "members")));
        Objects.requireNonNull(at, "at");
    }
}
