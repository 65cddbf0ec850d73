package org.tomprotocol.crypto.sodium;

import java.util.ServiceLoader;

import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

/** The two implementations of tom-v1 the differential tests compare. */
final class Suites {
    static final CryptoSuite BOUNCY_CASTLE = ServiceLoader.load(CryptoSuiteProvider.class).stream()
            .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("tom-v1")).findFirst().orElseThrow()
            .suite();
    static final CryptoSuite SODIUM = new SodiumCryptoSuiteProvider().suite();

    private Suites() {
    }
}
