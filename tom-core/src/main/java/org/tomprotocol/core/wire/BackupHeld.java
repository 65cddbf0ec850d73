package org.tomprotocol.core.wire;

import java.util.Objects;

import org.tomprotocol.api.MessageId;

/**
 * Payload of {@code BackupReplicateAck}, a holder's answer to a copy: {@code [message_id, held]}. {@code held} is
 * {@code true} once the copy is kept (on a durable node, in its store), {@code false} when the holder declines it
 * (its room for that sender or in all is used up), so that the copy goes to another node.
 *
 * @param id   the message of the copy
 * @param held whether the holder keeps it
 */
public record BackupHeld(MessageId id, boolean held) {
    public BackupHeld {
        Objects.requireNonNull(id, "id");
    }

    public byte[] encode() {
        return new MsgpackWriter().arrayHeader(2).string(id.value()).bool(held).toByteArray();
    }

    public static BackupHeld decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(2, "backup held");
        String id = reader.string(MessageId.MAX_LENGTH, "message_id");
        if (id.isEmpty()) {
            throw new WireException("malformed", "backup answer names no message");
        }
        boolean held = reader.bool("held");
        reader.expectEnd("backup held");
        return new BackupHeld(new MessageId(id), held);
    }
}
