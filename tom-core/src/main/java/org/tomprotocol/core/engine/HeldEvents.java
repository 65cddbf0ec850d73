package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;

/**
 * The groups' effects with their events held back until the end of an input, after the groups' new snapshot: an
 * application woken by an event (a {@code Joined}) finds the snapshot already showing it. Frames and counts pass at
 * once. Agent thread only.
 */
final class HeldEvents implements GroupEffects {
    private final GroupEffects target;
    private final Supplier<List<GroupInfo>> groups;
    private final Supplier<List<GroupInvite>> invites;
    private final List<GroupEvent> events = new ArrayList<>();

    HeldEvents(GroupEffects target, Supplier<List<GroupInfo>> groups, Supplier<List<GroupInvite>> invites) {
        this.target = target;
        this.groups = groups;
        this.invites = invites;
    }

    @Override
    public void sendGroupFrame(NodeId to, GroupFrame frame) {
        target.sendGroupFrame(to, frame);
    }

    @Override
    public void groupEvent(GroupEvent event) {
        events.add(event);
    }

    @Override
    public void groupsChanged(List<GroupInfo> ignoredGroups, List<GroupInvite> ignoredInvites) {
        snapshot();
    }

    /** The snapshot as it now stands, without waiting for an event. */
    void snapshot() {
        target.groupsChanged(groups.get(), invites.get());
    }

    @Override
    public void keepGroup(org.tomprotocol.core.wire.GroupSnapshot snapshot) {
        target.keepGroup(snapshot);
    }

    @Override
    public void forgetGroup(String group) {
        target.forgetGroup(group);
    }

    @Override
    public void count(String counter) {
        target.count(counter);
    }

    /** Ends an input: if it raised events, the new snapshot, then the events in the order they came. */
    void flush() {
        if (events.isEmpty()) {
            return;
        }
        snapshot();
        List<GroupEvent> flushed = List.copyOf(events);
        events.clear();
        flushed.forEach(target::groupEvent);
    }
}
