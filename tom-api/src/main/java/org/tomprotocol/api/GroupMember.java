package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A member of a group.
 *
 * @param id       the member's node
 * @param role     its rights
 * @param joinedAt when it joined
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public record GroupMember(NodeId id, GroupRole role, Instant joinedAt) {
    public GroupMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
