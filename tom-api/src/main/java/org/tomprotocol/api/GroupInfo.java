package org.tomprotocol.api;

import java.util.Objects;
import java.util.Set;

/**
 * A snapshot of a group this node belongs to.
 *
 * @param id      the group
 * @param name    its human name
 * @param hub     the node that currently fans messages out to members
 * @param members the members, this node included
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public record GroupInfo(GroupId id, String name, NodeId hub, Set<GroupMember> members) {
    public GroupInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hub, "hub");
        members = Set.copyOf(members);
    }
}
