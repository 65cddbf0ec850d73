package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The node hit an error it cannot vouch for recovering from — an {@link Error} such as
 * {@code OutOfMemoryError} or {@code StackOverflowError} on one of its threads or in a transport — and may no
 * longer send, receive or relay correctly. A node reports this once, keeps running as best it can, and
 * {@link TomNode#failure()} returns it from then on: close the node and start a new one. Exceptions caused by
 * bad input from the network are never failures; they are counted under {@code rejected.<reason>}.
 *
 * @param component where it happened: {@code agent}, {@code workers} or {@code transport <id>}
 * @param reason    the error's type and message (never a payload or a key)
 * @param at        when the node noticed
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record NodeFailure(String component, String reason, Instant at) implements NodeEvent {
    public NodeFailure {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
