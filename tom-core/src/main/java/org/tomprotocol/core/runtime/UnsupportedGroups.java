package org.tomprotocol.core.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.GroupMember;
import org.tomprotocol.api.Groups;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.UnsupportedFeatureException;

/** This engine version does not implement groups yet; every method says so plainly. */
final class UnsupportedGroups implements Groups {
    static final UnsupportedGroups INSTANCE = new UnsupportedGroups();

    private UnsupportedGroups() {
    }

    private static UnsupportedFeatureException unsupported() {
        return new UnsupportedFeatureException("groups are not implemented by the tom-core engine yet");
    }

    @Override
    public CompletionStage<GroupInfo> create(String name, Collection<NodeId> invitees) {
        throw unsupported();
    }

    @Override
    public CompletionStage<Void> invite(GroupId group, NodeId invitee) {
        throw unsupported();
    }

    @Override
    public List<GroupInvite> pendingInvites() {
        throw unsupported();
    }

    @Override
    public CompletionStage<GroupInfo> accept(GroupId group) {
        throw unsupported();
    }

    @Override
    public void decline(GroupId group) {
        throw unsupported();
    }

    @Override
    public CompletionStage<Void> leave(GroupId group) {
        throw unsupported();
    }

    @Override
    public CompletionStage<MessageId> send(GroupId group, byte[] payload) {
        throw unsupported();
    }

    @Override
    public List<GroupInfo> groups() {
        throw unsupported();
    }

    @Override
    public Optional<GroupInfo> group(GroupId group) {
        throw unsupported();
    }

    @Override
    public Set<GroupMember> members(GroupId group) {
        throw unsupported();
    }

    @Override
    public Flow.Publisher<GroupEvent> events() {
        throw unsupported();
    }
}
