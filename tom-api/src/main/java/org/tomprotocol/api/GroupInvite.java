package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation waiting for this node to accept or decline it.
 *
 * @param group     the group
 * @param name      its human name
 * @param inviter   who invited this node
 * @param expiresAt when the invitation lapses (at most 24 h after it was made)
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public record GroupInvite(GroupId group, String name, NodeId inviter, Instant expiresAt) {
    public GroupInvite {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inviter, "inviter");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
