package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/** Something that happened in a group this node belongs to or is invited to. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public sealed interface GroupEvent {
    /** The group concerned. */
    GroupId group();

    /** When this node observed it. */
    Instant at();

    /** This node was invited. */
    record Invited(GroupInvite invite, Instant at) implements GroupEvent {
        public Invited {
            Objects.requireNonNull(invite, "invite");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public GroupId group() {
            return invite.group();
        }
    }

    /** This node joined (after accepting, or by creating the group). */
    record Joined(GroupInfo info, Instant at) implements GroupEvent {
        public Joined {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public GroupId group() {
            return info.id();
        }
    }

    /** Another member joined. */
    record MemberJoined(GroupId group, GroupMember member, Instant at) implements GroupEvent {
        public MemberJoined {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A member left or was removed. */
    record MemberLeft(GroupId group, NodeId member, Instant at) implements GroupEvent {
        public MemberLeft {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Another node took over as the group's hub, under a newer hub epoch (each epoch has one hub, named in advance
     * by the hub before it).
     */
    record HubChanged(GroupId group, NodeId newHub, long epoch, Instant at) implements GroupEvent {
        public HubChanged {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(newHub, "newHub");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A member posted a message. */
    record MessageReceived(GroupMessage message, Instant at) implements GroupEvent {
        public MessageReceived {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public GroupId group() {
            return message.group();
        }
    }

    /**
     * The hub ordered this node's message: the group accepted it ({@link Groups#send} completes). It is then held by
     * two nodes — the hub and this node, which sends it again to a new hub after a failover; when this node is the hub,
     * by itself and its shadow, which acknowledged it first.
     */
    record Accepted(GroupId group, MessageId message, Instant at) implements GroupEvent {
        public Accepted {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * This node's message reached {@code member}'s application: the member signed the receipt itself (lock 1, per
     * member), so neither the hub nor a relay can claim it.
     */
    record Delivered(GroupId group, MessageId message, NodeId member, Instant at) implements GroupEvent {
        public Delivered {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A member became an admin, or an admin a plain member. */
    record RoleChanged(GroupId group, NodeId member, GroupRole role, Instant at) implements GroupEvent {
        public RoleChanged {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(at, "at");
        }
    }
}
