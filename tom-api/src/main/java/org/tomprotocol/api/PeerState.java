package org.tomprotocol.api;

/** What this node believes about a peer's liveness. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum PeerState {
    /** First heard of, by any source (bootstrap, gossip, a relayed message). */
    DISCOVERED,
    /** Heard from recently, or heard from again after being stale or offline. */
    ONLINE,
    /** Silent for a while (20 s by default); still used as a last resort. */
    STALE,
    /** Silent long enough (45 s by default) to be considered gone. */
    OFFLINE
}
