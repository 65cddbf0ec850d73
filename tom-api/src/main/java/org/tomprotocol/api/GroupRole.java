package org.tomprotocol.api;

/** A member's rights in a group. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public enum GroupRole {
    /** May invite, remove members and change roles. */
    ADMIN,
    /** May send and leave. */
    MEMBER
}
