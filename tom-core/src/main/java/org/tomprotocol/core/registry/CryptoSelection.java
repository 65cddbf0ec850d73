package org.tomprotocol.core.registry;

import org.tomprotocol.api.NoProviderException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

/** Which crypto suite this engine speaks and how to find it among the providers. */
public final class CryptoSelection {
    /** The crypto suite this engine speaks. */
    public static final String SUITE_ID = "tom-v1";
    /** Name of the identity seed file inside a node's data directory. */
    public static final String SEED_FILE = "node.seed";

    private CryptoSelection() {
    }

    /**
     * The suite of the highest-priority available provider of {@value #SUITE_ID} (providers are ordered by
     * priority; several implementations of the suite may compete under their own provider ids).
     */
    public static CryptoSuite suite(ProviderRegistry registry) {
        return registry.available(ProviderKind.CRYPTO, CryptoSuiteProvider.class).stream()
                .filter(p -> SUITE_ID.equals(p.suite().id())).findFirst()
                .map(CryptoSuiteProvider::suite)
                .orElseThrow(() -> new NoProviderException("no usable '" + SUITE_ID + "' crypto suite: "
                        + registry.explainUnavailable(ProviderKind.CRYPTO)
                        + " — put tom-crypto (org.tomprotocol.crypto) on the module path or class path"));
    }
}
