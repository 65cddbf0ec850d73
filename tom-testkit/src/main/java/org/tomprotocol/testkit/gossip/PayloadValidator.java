package org.tomprotocol.testkit.gossip;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.discovery.Validation;

/** Decides whether a node of a {@link GossipNetwork} takes a broadcast payload in, as the engine's checks would. */
@FunctionalInterface
public interface PayloadValidator {
    /** Every payload is valid. */
    PayloadValidator ACCEPT_ALL = (node, from, payload) -> Validation.ACCEPT;

    /** The verdict of {@code node} on {@code payload}, received from {@code from}; do not keep the array. */
    Validation validate(NodeId node, NodeId from, byte[] payload);
}
