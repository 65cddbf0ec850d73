package org.tomprotocol.api;

/** How messages reach a peer. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum PathKind {
    /** Through one or more relays. */
    RELAY,
    /** Over a direct session (possibly punched through NATs). */
    DIRECT
}
