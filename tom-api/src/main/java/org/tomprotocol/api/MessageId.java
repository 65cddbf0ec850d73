package org.tomprotocol.api;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one message end to end. Retries of a message keep its id, so the recipient can recognise
 * them. On the wire it is a UUID v4 in its 36-character hyphenated form.
 *
 * @param value the textual id
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record MessageId(String value) {
    /** Longest id accepted from the network; Gen-2 ids are 36 characters. */
    public static final int MAX_LENGTH = 64;

    /** @throws IllegalArgumentException if {@code value} is empty or longer than {@link #MAX_LENGTH} */
    public MessageId {
        Objects.requireNonNull(value, "message id");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("message id must have 1 to " + MAX_LENGTH + " characters, got "
                    + value.length());
        }
    }

    /** A new random (UUID v4) id. */
    public static MessageId random() {
        return new MessageId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
