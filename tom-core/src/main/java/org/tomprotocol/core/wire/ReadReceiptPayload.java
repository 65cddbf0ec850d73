package org.tomprotocol.core.wire;

import java.util.Objects;

import org.tomprotocol.api.MessageId;

/**
 * Payload of a {@code ReadReceipt} envelope: {@code [original_message_id, read_at]}.
 *
 * @param originalMessageId the message that was read
 * @param readAt            when the recipient's application read it, epoch milliseconds
 */
public record ReadReceiptPayload(MessageId originalMessageId, long readAt) {
    public ReadReceiptPayload {
        Objects.requireNonNull(originalMessageId, "originalMessageId");
    }

    public byte[] encode() {
        return new MsgpackWriter().arrayHeader(2).string(originalMessageId.value()).unsigned(readAt).toByteArray();
    }

    public static ReadReceiptPayload decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(2, "read receipt");
        String id = reader.string(MessageId.MAX_LENGTH, "original_message_id");
        long readAt = reader.unsigned(Long.MAX_VALUE, "read_at");
        reader.expectEnd("read receipt");
        if (id.isEmpty()) {
            throw new WireException("malformed", "read receipt names no message");
        }
        return new ReadReceiptPayload(new MessageId(id), readAt);
    }
}
