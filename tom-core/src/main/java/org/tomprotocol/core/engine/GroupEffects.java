package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupSnapshot;

/** What the node's groups ask of the world; the engine routes frames, the runtime turns the rest into API events. */
public interface GroupEffects {
    /** Seal {@code frame} to {@code to}, sign it and send it, direct or through a relay, best effort. */
    void sendGroupFrame(NodeId to, GroupFrame frame);

    /** Something happened in a group, for the application. */
    void groupEvent(GroupEvent event);

    /** The node's groups and invitations as they now stand, for the application's queries. */
    void groupsChanged(List<GroupInfo> groups, List<GroupInvite> invites);

    /** Keep {@code snapshot} in the node's store, sealed to the node, replacing the group's previous one. */
    void keepGroup(GroupSnapshot snapshot);

    /** The node is no longer in {@code group}: its kept state goes from the store. */
    void forgetGroup(String group);

    /** Count one occurrence of {@code counter}. */
    void count(String counter);
}
