package org.tomprotocol.api;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a group; on the wire {@code grp-} followed by a UUID.
 *
 * @param value the textual id
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public record GroupId(String value) {
    public GroupId {
        Objects.requireNonNull(value, "group id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("group id must have 1 to 64 characters, got " + value.length());
        }
    }

    /** A new random group id. */
    public static GroupId random() {
        return new GroupId("grp-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
