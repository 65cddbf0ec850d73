package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;

/**
 * A member's posts sent straight to the other members as well as to the hub (docs/groups.md §6): a post crosses one
 * link to each member instead of two, and the hub still orders it. A member shows a post from its author's copy at
 * once, takes the hub's copy in its place without showing it again, and leaves a copy it cannot read yet (its
 * chain's key has not come) for the hub's, which follows the key. Agent thread only.
 */
final class GroupPostCopies {
    /**
     * The largest group whose members send copies: past it, the author's upload (one copy per member) would outweigh
     * the link it saves.
     */
    static final int UP_TO_MEMBERS = 64;

    private final GroupState state;
    private final GroupMembership membership;
    private final GroupInbox inbox;
    private final GroupReading reading;
    private final GroupReceipts receipts;
    private final GroupEffects effects;

    GroupPostCopies(GroupState state, GroupMembership membership, GroupInbox inbox, GroupReading reading,
                    GroupReceipts receipts, GroupEffects effects) {
        this.state = state;
        this.membership = membership;
        this.inbox = inbox;
        this.reading = reading;
        this.receipts = receipts;
        this.effects = effects;
    }

    /** Sends this member's {@code post} to every other member but the hub (which orders the submitted one). */
    void send(SignedGroupStatement post) {
        if (state.isHub() || membership.members().size() > UP_TO_MEMBERS) {
            return;
        }
        NodeId local = post.statement().author();
        for (NodeId member : membership.members().keySet()) {
            if (!member.equals(local) && !member.equals(state.hub())) {
                effects.sendGroupFrame(member, new GroupFrame.PostCopy(state.group(), post));
            }
        }
    }

    /** A copy of a post, from {@code from}: shown now if its author sent it and it can be read. */
    void onCopy(NodeId from, SignedGroupStatement item, long now) {
        if (!(item.statement() instanceof GroupStatement.Post post) || !post.sender().equals(from)
                || from.equals(state.local()) || !post.group().equals(state.group())) {
            effects.count("rejected.group-copy-not-from-author");
            return;
        }
        if (inbox.wasShown(from, post.id(), now)) {
            effects.count("group-copy-duplicates");
            return;
        }
        if (reading.early(post, item, now)) {
            inbox.shownEarly(from, post.id(), now);
            receipts.send(now);
        }
    }

    /** Whether {@code post}, taking its place in the stream now, was shown from its author's copy already. */
    boolean shownAlready(GroupStatement.Post post, long now) {
        if (inbox.takeEarly(post.sender(), post.id(), now)) {
            effects.count("group-ordered-after-copy");
            return true;
        }
        return false;
    }
}
