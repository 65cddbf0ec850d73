package org.tomprotocol.spi.crypto;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.spi.Provider;

/**
 * Provides a crypto suite. The suite's {@link CryptoSuite#id()} is the id written in the protocol, e.g.
 * {@code tom-v1}; the provider's {@link #id()} names the implementation and is usually the same, but several
 * implementations of one suite (e.g. {@code tom-v1} on Bouncy Castle and {@code tom-v1-sodium} on libsodium) each
 * have their own. Nodes use the highest-priority available provider of the suite they speak.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface CryptoSuiteProvider extends Provider {
    /** The suite; may be shared by all nodes of the process. Only called on an available provider. */
    CryptoSuite suite();
}
