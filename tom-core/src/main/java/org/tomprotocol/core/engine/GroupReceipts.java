package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * Lock 1 for group posts, per member (docs/groups.md §6): the posts one input handed to this member's application go
 * back to their senders as one signed receipt per sender, through the hub, which passes a receipt on unchanged and
 * only from the member that signed it; a sender checks the signature and tells its application which member has
 * which post. Agent thread only.
 */
final class GroupReceipts implements MessageHolder {
    private final GroupState state;
    private final LocalIdentity identity;
    private final GroupEffects effects;
    /** Posts handed to the application during the current input, by sender. */
    private final Map<NodeId, List<MessageId>> pending = new LinkedHashMap<>();

    GroupReceipts(GroupState state, LocalIdentity identity, GroupEffects effects) {
        this.state = state;
        this.identity = identity;
        this.effects = effects;
    }

    /** The application got {@code post}: its sender will hear so at the end of the input. */
    void delivered(GroupStatement.Post post) {
        pending.computeIfAbsent(post.sender(), sender -> new ArrayList<>()).add(post.id());
    }

    /** Sends the receipts of the current input: to the hub, or, on the hub, straight to each sender. */
    void send(long now) {
        for (Map.Entry<NodeId, List<MessageId>> entry : pending.entrySet()) {
            List<MessageId> messages = entry.getValue();
            for (int from = 0; from < messages.size(); from += GroupStatement.MAX_RECEIPTS) {
                SignedGroupStatement receipt = SignedGroupStatement.sign(new GroupStatement.Receipt(state.group(),
                        identity.id(), entry.getKey(), messages.subList(from, Math.min(messages.size(),
                        from + GroupStatement.MAX_RECEIPTS)), now), identity);
                effects.sendGroupFrame(state.isHub() ? entry.getKey() : state.hub(),
                        new GroupFrame.Receipt(state.group(), receipt));
            }
        }
        pending.clear();
    }

    void clear() {
        pending.clear();
    }

    /** Posts named in receipts not sent yet: none between inputs. */
    @Override
    public int messagesHeld() {
        int held = 0;
        for (List<MessageId> messages : pending.values()) {
            held += messages.size();
        }
        return held;
    }

    /**
     * A member's receipt: for this node's posts, checked and told to the application; on the hub, for another
     * sender, passed on to it unchanged (only from the member that signed it).
     */
    void onReceipt(NodeId from, SignedGroupStatement signed, long now) {
        GroupMembership membership = state.membership();
        if (!(signed.statement() instanceof GroupStatement.Receipt receipt) || !receipt.group().equals(state.group())) {
            effects.count("rejected.group-malformed-receipt");
            return;
        }
        if (!membership.members().containsKey(receipt.member())) {
            effects.count("rejected.group-receipt-from-non-member");
            return;
        }
        if (receipt.sender().equals(identity.id())) {
            if (!signed.isAuthentic(state.crypto())) {
                effects.count("rejected.group-forged-statement");
                return;
            }
            for (MessageId message : receipt.messages()) {
                effects.groupEvent(new GroupEvent.Delivered(new GroupId(state.group()), message, receipt.member(),
                        Instant.ofEpochMilli(now)));
            }
        } else if (state.isHub() && from.equals(receipt.member())
                && membership.members().containsKey(receipt.sender())) {
            effects.sendGroupFrame(receipt.sender(), new GroupFrame.Receipt(state.group(), signed));
        } else {
            effects.count("rejected.group-receipt-not-for-this-node");
        }
    }
}
