package org.tomprotocol.api;

/** How messages reach a peer. */
public enum PathKind {
    /** Through one or more relays. */
    RELAY,
    /** Over a direct session (possibly punched through NATs). */
    DIRECT
}
