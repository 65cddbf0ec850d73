package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/**
 * This node earned or lost a role (lock 4): roles are imposed by the work others verified it did, never volunteered,
 * and fade when the work stops. Each is earned at 10 units of verified work and lost below 2, the work decaying with a
 * one-hour half-life (docs/roles.md): {@code relay} (chats carried that their recipients acknowledged through this
 * node), {@code backup} (copies held until their recipients' signed proofs of delivery), {@code hub-candidate}
 * (reached by two peers or more, window after window).
 *
 * @param kind  earned or lost
 * @param role  the role: {@code relay}, {@code backup} or {@code hub-candidate}
 * @param score the verified work it was judged on, decayed to {@code at}
 * @param at    when this node saw it
 */
@Api(status = Api.Status.INCUBATING, since = "0.3")
public record RoleEvent(Kind kind, String role, double score, Instant at) implements NodeEvent {
    /** Whether the role came or went. */
    @Api(status = Api.Status.INCUBATING, since = "0.3")
    public enum Kind {
        /** The node's verified work reached the role's threshold. */
        EARNED,
        /** The node's verified work faded below the role's floor. */
        LOST
    }

    public RoleEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
    }
}
