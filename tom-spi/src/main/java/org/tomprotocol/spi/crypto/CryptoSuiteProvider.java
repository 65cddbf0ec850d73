package org.tomprotocol.spi.crypto;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.spi.Provider;

/**
 * Provides a crypto suite. The provider's {@link #id()} is the suite id written in the protocol, e.g.
 * {@code tom-v1}; nodes use the highest-priority available provider of the suite they speak.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface CryptoSuiteProvider extends Provider {
    /** The suite; may be shared by all nodes of the process. */
    CryptoSuite suite();
}
