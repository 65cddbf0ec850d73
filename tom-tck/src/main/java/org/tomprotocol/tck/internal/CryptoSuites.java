package org.tomprotocol.tck.internal;

import java.util.Comparator;
import java.util.ServiceLoader;

import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

/** Finds a crypto suite for the identities of the transports under test. */
public final class CryptoSuites {
    private CryptoSuites() {
    }

    /** The available crypto suite of highest priority on the class or module path. */
    public static CryptoSuite best() {
        return ServiceLoader.load(CryptoSuiteProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.availability().available())
                .max(Comparator.comparingInt(CryptoSuiteProvider::priority))
                .map(CryptoSuiteProvider::suite)
                .orElseThrow(() -> new IllegalStateException("no crypto suite found for the transports' identities: "
                        + "add one (e.g. tom-crypto) to the test class path, or override crypto()"));
    }
}
