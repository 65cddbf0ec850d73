package org.tomprotocol.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Group messaging: a hub node fans each message out to the members; when the hub dies another member takes
 * over. Messages are end-to-end encrypted with per-sender keys, so the hub cannot read them.
 *
 * <p>Messages and membership changes are ordered by the hub; every member checks every statement's signature and
 * its author's authority itself. A command this node cannot carry out completes exceptionally with an
 * {@link IllegalArgumentException} or {@link IllegalStateException} naming what to fix. An engine that does not
 * implement groups throws {@link UnsupportedFeatureException} from every method.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public interface Groups {
    /** Creates a group hosted by this node and invites {@code invitees}. */
    CompletionStage<GroupInfo> create(String name, Collection<NodeId> invitees);

    /** Invites a node into a group this node administers. */
    CompletionStage<Void> invite(GroupId group, NodeId invitee);

    /** Invitations waiting for an answer. */
    List<GroupInvite> pendingInvites();

    /** Accepts an invitation; completes when the hub confirmed the membership. */
    CompletionStage<GroupInfo> accept(GroupId group);

    /** Declines an invitation. */
    void decline(GroupId group);

    /**
     * Leaves a group. The hub may leave too: its shadow takes the group over at once. The last admin among other
     * members must make another an admin first ({@link #setRole}); the stage fails saying so.
     */
    CompletionStage<Void> leave(GroupId group);

    /** Removes a member from a group this node administers; completes when the hub ordered the removal. */
    CompletionStage<Void> remove(GroupId group, NodeId member);

    /** Makes a member an admin ({@link GroupRole#ADMIN}) or a plain member; completes when the hub ordered it. */
    CompletionStage<Void> setRole(GroupId group, NodeId member, GroupRole role);

    /**
     * Posts a message; completes with its id once the hub accepted it (ordered it for every member; see
     * {@link GroupEvent.Accepted}). Each member's application getting it comes later as a
     * {@link GroupEvent.Delivered}, signed by that member.
     */
    CompletionStage<MessageId> send(GroupId group, byte[] payload);

    /** The groups this node belongs to. */
    List<GroupInfo> groups();

    /** One group, if this node belongs to it. */
    Optional<GroupInfo> group(GroupId group);

    /** The members of a group this node belongs to. */
    Set<GroupMember> members(GroupId group);

    /** Invitations, membership changes, hub changes and messages of every group. */
    Flow.Publisher<GroupEvent> events();
}
