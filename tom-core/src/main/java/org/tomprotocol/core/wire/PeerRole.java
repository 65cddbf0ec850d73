package org.tomprotocol.core.wire;

/** A role a node announces; encoded by variant name as in Gen-2. */
public enum PeerRole {
    Peer, Relay
}
