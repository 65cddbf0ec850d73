package org.tomprotocol.core.wire;

import java.util.List;

/**
 * A role a node announces (wire spec §10), encoded by its variant name as in Gen-2. Gen-2 knows {@link #Peer} and
 * {@link #Relay}; {@link #Backup} and {@link #HubCandidate} are earned roles added here (docs/roles.md). A receiver keeps
 * the names it does not know (the signature covers them) and ignores them.
 */
public enum PeerRole {
    /** Every node. */
    Peer,
    /** Has carried messages whose recipients' signed acknowledgements came back through it. */
    Relay,
    /** Has held backup copies until their recipients' signed proofs of delivery. */
    Backup,
    /** Has been reached by several peers, window after window, for about an hour: fit to take over a group's hub. */
    HubCandidate;

    /** The names of {@code roles}, as announced. */
    public static List<String> names(List<PeerRole> roles) {
        return roles.stream().map(PeerRole::name).toList();
    }
}
