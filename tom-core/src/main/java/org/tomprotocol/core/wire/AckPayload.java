package org.tomprotocol.core.wire;

import java.util.Objects;

import org.tomprotocol.api.MessageId;

/**
 * Payload of an {@code Ack} envelope: {@code [original_message_id, ack_type]}.
 *
 * @param originalMessageId the acknowledged message
 * @param type              relay or recipient acknowledgement
 */
public record AckPayload(MessageId originalMessageId, AckType type) {
    public AckPayload {
        Objects.requireNonNull(originalMessageId, "originalMessageId");
        Objects.requireNonNull(type, "type");
    }

    public byte[] encode() {
        return new MsgpackWriter().arrayHeader(2).string(originalMessageId.value()).string(type.name()).toByteArray();
    }

    public static AckPayload decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(2, "ack");
        String id = reader.string(MessageId.MAX_LENGTH, "original_message_id");
        String type = reader.string(32, "ack_type");
        reader.expectEnd("ack");
        if (id.isEmpty()) {
            throw new WireException("malformed", "ack names no message");
        }
        for (AckType candidate : AckType.values()) {
            if (candidate.name().equals(type)) {
                return new AckPayload(new MessageId(id), candidate);
            }
        }
        throw new WireException("malformed", "unknown ack_type '" + type + "'");
    }
}
