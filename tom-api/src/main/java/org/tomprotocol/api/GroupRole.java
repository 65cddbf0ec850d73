package org.tomprotocol.api;

/** A member's rights in a group. */
public enum GroupRole {
    /** May invite, remove members and change roles. */
    ADMIN,
    /** May send and leave. */
    MEMBER
}
