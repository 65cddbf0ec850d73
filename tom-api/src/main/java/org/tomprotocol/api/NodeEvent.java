package org.tomprotocol.api;

import java.time.Instant;

/**
 * Something that happened to this node that is not a message: see the permitted subtypes. New kinds of
 * event may be added in later versions, so a {@code switch} over events should have a default branch.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public sealed interface NodeEvent permits PeerEvent, PathChange, NodeFailure, BackupEvent, SubnetEvent,
        RoleEvent {
    /** When the node observed the event. */
    Instant at();
}
