package org.tomprotocol.api.spi;

import org.tomprotocol.api.Api;

/**
 * What every ToM provider has: an id, a priority and an availability check. Transports, discovery,
 * crypto suites, stores, anchors and the engine itself are providers, found by
 * {@link java.util.ServiceLoader} or given explicitly to the node builder.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Provider {
    /** A short stable id, unique within the provider's kind, e.g. {@code quic} or {@code tom-v1}. */
    String id();

    /** When several providers of a kind compete, the highest priority wins. Default 0. */
    default int priority() {
        return 0;
    }

    /**
     * Whether the provider can work here, and if not why (e.g. a native library that cannot load). Must be
     * cheap and must not throw.
     */
    default Availability availability() {
        return Availability.AVAILABLE;
    }

    /**
     * The options this provider reads from the node's options, with their types and defaults. A node refuses an
     * option that no provider found declares, naming it and the valid keys; {@code tom plugins} lists them. Keys
     * start with the provider's prefix (e.g. {@code quic.}). Must be cheap and must not throw.
     */
    default java.util.List<org.tomprotocol.api.OptionSpec> options() {
        return java.util.List.of();
    }
}
