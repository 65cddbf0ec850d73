package org.tomprotocol.core.wire;

import java.util.Objects;

import org.tomprotocol.api.NodeId;

/**
 * Payload of {@code BackupQuery}, as Gen-2: the {@code recipient_id} whose waiting messages are asked for. Only the
 * recipient itself may ask: a holder answers a query only when the envelope's signer is that recipient.
 *
 * @param recipient whose messages
 */
public record BackupQuery(NodeId recipient) {
    public BackupQuery {
        Objects.requireNonNull(recipient, "recipient");
    }

    public byte[] encode() {
        return new MsgpackWriter().nodeId(recipient).toByteArray();
    }

    public static BackupQuery decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        NodeId recipient = reader.nodeId("recipient_id");
        reader.expectEnd("backup query");
        return new BackupQuery(recipient);
    }
}
