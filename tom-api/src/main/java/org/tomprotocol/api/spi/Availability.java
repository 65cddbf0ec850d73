package org.tomprotocol.api.spi;

import java.util.Objects;

import org.tomprotocol.api.Api;

/**
 * Whether a provider can work in this process.
 *
 * @param available whether it can
 * @param reason    why not, when it cannot (e.g. "native QUIC library not loadable: …"); empty otherwise
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Availability(boolean available, String reason) {
    /** A provider that can work. */
    public static final Availability AVAILABLE = new Availability(true, "");

    public Availability {
        Objects.requireNonNull(reason, "reason");
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable provider must say why");
        }
    }

    /** An unavailable provider, with the reason. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }

    /** An unavailable provider, with the reason and the cause's message. */
    public static Availability unavailable(String reason, Throwable cause) {
        return new Availability(false, reason + ": " + cause);
    }
}
