package org.tomprotocol.core.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.WireException;

/**
 * One copy a holder keeps for another node: the sender's envelope as it will be delivered (kept once, as bytes),
 * the fellow holders it knows of, when to offer it next, and, once delivered, the recipient's proof alone. Owned by
 * {@link HeldCopies}; agent thread only.
 */
final class HeldCopy {
    /** A copy is known by its sender and id together: another sender's message under the same id is another copy. */
    record Key(NodeId sender, MessageId id) {
    }

    final Key key;
    final NodeId recipient;
    final long expiresAt;
    /** Since when this node holds it: fellow holders it never heard of are presumed up for a grace time only. */
    final long heldSince;
    /** The sender's envelope; {@code null} once the copy is proven delivered (only the proof is kept then). */
    byte[] messageWire;
    final Set<NodeId> holders = new LinkedHashSet<>();
    /** Holders this node saw go offline. */
    final Set<NodeId> lost = new LinkedHashSet<>();
    long deliverAt = -1;
    long nextOfferAt;
    /** Offers made while the recipient has stayed up since {@link #offeredSince}: a return starts the count over. */
    int offers;
    long offeredSince = Long.MIN_VALUE;
    boolean kept;
    byte[] proof;

    HeldCopy(BackupCopy copy, byte[] messageWire, long now) {
        this.key = new Key(copy.sender(), copy.id());
        this.recipient = copy.recipient();
        this.expiresAt = copy.timestamp() + ProtocolConstants.MESSAGE_LIFETIME_MS;
        this.heldSince = now;
        this.messageWire = messageWire;
    }

    NodeId sender() {
        return key.sender();
    }

    MessageId id() {
        return key.id();
    }

    /** Adds fellow holders, up to the most a copy lists: an unsigned list can add no more than that. */
    void addHolders(List<NodeId> more) {
        for (NodeId holder : more) {
            if (holders.size() >= BackupCopy.MAX_HOLDERS_LISTED) {
                return;
            }
            holders.add(holder);
        }
    }

    /** The copy to pass on, naming {@code listed} as its holders (rebuilt from the envelope this node keeps). */
    BackupCopy copy(List<NodeId> listed) {
        try {
            return BackupCopy.of(EnvelopeCodec.decode(messageWire).envelope(), listed);
        } catch (WireException e) {
            throw new IllegalStateException("a copy this node encoded itself does not decode", e);
        }
    }
}
