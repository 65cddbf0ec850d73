package org.tomprotocol.core.engine;

import java.time.Instant;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupMessage;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.CryptoSuite;

/**
 * What a member reads in its group's stream (docs/groups.md §4): other members' posts, opened with their senders'
 * chains and handed to the application (or held until the chain's key comes), and the key distributions that grant
 * those chains. A member that is not the hub checks each author's signature itself (the hub checked it as it
 * ordered). Pure; agent thread only.
 */
final class GroupReading {
    private final GroupId group;
    private final NodeId local;
    private final CryptoSuite crypto;
    private final GroupKeys keys;
    private final GroupMembership membership;
    private final GroupReceipts receipts;
    private final GroupEffects effects;

    GroupReading(String group, NodeId local, CryptoSuite crypto, GroupKeys keys, GroupMembership membership,
                 GroupReceipts receipts, GroupEffects effects) {
        this.group = new GroupId(group);
        this.local = local;
        this.crypto = crypto;
        this.keys = keys;
        this.membership = membership;
        this.receipts = receipts;
        this.effects = effects;
    }

    /** Another member's post in its turn. */
    void othersPost(GroupStatement.Post post, SignedGroupStatement item, boolean verify, long now) {
        if (verify && !item.isAuthentic(crypto)) {
            effects.count("rejected.group-forged-statement");
            return;
        }
        opened(keys.open(post, now), now);
    }

    /**
     * A post its author sent straight to this member while the hub orders it (docs/groups.md §6): shown now if its
     * author is a member and its chain's key is here; returns whether it was shown. Without the key it is left for
     * the hub's copy, which comes after the key in the stream.
     */
    boolean early(GroupStatement.Post post, SignedGroupStatement item, long now) {
        if (!membership.members().containsKey(post.sender())) {
            effects.count("rejected.group-not-a-member");
            return false;
        }
        if (!item.isAuthentic(crypto)) {
            effects.count("rejected.group-forged-statement");
            return false;
        }
        GroupKeys.Opening opening = keys.openIfReadable(post);
        if (opening == null) {
            effects.count("group-copy-without-key");
            return false;
        }
        opened(opening, now);
        return opening instanceof GroupKeys.Opening.Opened;
    }

    /** A member's key distribution in its turn: this member's grant taken, and the posts it held for it opened. */
    void keys(GroupStatement.SenderKeys distribution, SignedGroupStatement item, boolean verify, long now) {
        if (distribution.owner().equals(local)) {
            return;
        }
        GroupMembership.Member owner = membership.members().get(distribution.owner());
        if (owner == null) {
            effects.count("rejected.group-not-a-member");
            return;
        }
        if (distribution.at() < owner.since()) {
            effects.count("rejected.group-replayed-sender-key");
            return;
        }
        if (verify && !item.isAuthentic(crypto)) {
            effects.count("rejected.group-forged-statement");
            return;
        }
        String refusal = keys.accept(distribution);
        if (refusal != null) {
            effects.count("rejected.group-" + refusal);
            return;
        }
        keys.releaseHeld(distribution.owner()).forEach(opening -> opened(opening, now));
    }

    private void opened(GroupKeys.Opening opening, long now) {
        switch (opening) {
            case GroupKeys.Opening.Opened opened -> {
                GroupStatement.Post post = opened.post();
                effects.count("group-delivered-to-app");
                effects.groupEvent(new GroupEvent.MessageReceived(new GroupMessage(group, post.id(), post.sender(),
                        Instant.ofEpochMilli(post.at()), opened.body()), Instant.ofEpochMilli(now)));
                receipts.delivered(post);
            }
            case GroupKeys.Opening.Held ignored -> effects.count("group-held-for-key");
            case GroupKeys.Opening.Refused refused -> effects.count("rejected.group-" + refused.reason());
        }
    }
}
