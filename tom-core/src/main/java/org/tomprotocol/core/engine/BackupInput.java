package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.core.wire.BackupHeld;

/** What the worker stage extracted and verified from a backup frame addressed to this node. */
public sealed interface BackupInput {
    /**
     * A copy to hold, whose sender's signature over the message was verified.
     *
     * @param copy        the copy
     * @param messageWire the sender's envelope as it will be delivered to the recipient
     */
    record Copy(BackupCopy copy, byte[] messageWire) implements BackupInput {
    }

    /** A holder's answer to a copy this node placed. */
    record Held(BackupHeld answer) implements BackupInput {
    }

    /** Proofs of delivery, each a recipient's acknowledgement whose signature was verified. */
    record Proofs(List<DeliveryProof> proofs) implements BackupInput {
    }

    /** The recipient asks what is waiting for it. */
    record Query(NodeId recipient) implements BackupInput {
    }

    /**
     * A final recipient's signed acknowledgement of a message, verified.
     *
     * @param message   the acknowledged message
     * @param recipient who signed it (the message's recipient)
     * @param sender    to whom it is addressed (the message's sender)
     * @param wire      the signed acknowledgement, as it travels
     */
    record DeliveryProof(MessageId message, NodeId recipient, NodeId sender, byte[] wire) {
    }
}
