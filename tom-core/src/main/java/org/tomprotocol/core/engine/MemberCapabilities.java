package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;

/**
 * How fit a group member is to take over as hub, as this node sees it (docs/groups.md §5.1): higher is better, a
 * negative value means not at all (known to be offline). A view of the engine's own peer knowledge, read on the
 * agent thread; pure.
 */
@FunctionalInterface
interface MemberCapabilities {
    /** Every member alike: the hub names its successors in join order. */
    MemberCapabilities ALIKE = (member, now) -> 0;

    double of(NodeId member, long now);
}
