package org.tomprotocol.crypto.sodium;

import java.util.Comparator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

/**
 * Finds the suite this plugin accelerates: the highest-priority available provider of {@code tom-v1} other than
 * this plugin, among the providers visible from this plugin's module layer (or class loader).
 */
final class BaseSuite {
    static final String SUITE_ID = "tom-v1";

    private BaseSuite() {
    }

    static Optional<CryptoSuite> find() {
        Module module = BaseSuite.class.getModule();
        ServiceLoader<CryptoSuiteProvider> loader = module.getLayer() != null
                ? ServiceLoader.load(module.getLayer(), CryptoSuiteProvider.class)
                : ServiceLoader.load(CryptoSuiteProvider.class, BaseSuite.class.getClassLoader());
        return loader.stream()
                .filter(p -> p.type() != SodiumCryptoSuiteProvider.class)
                .map(BaseSuite::instantiate)
                .flatMap(Optional::stream)
                .filter(p -> isAvailable(p) && SUITE_ID.equals(p.suite().id()))
                .max(Comparator.comparingInt(CryptoSuiteProvider::priority))
                .map(CryptoSuiteProvider::suite);
    }

    private static Optional<CryptoSuiteProvider> instantiate(ServiceLoader.Provider<CryptoSuiteProvider> provider) {
        try {
            return Optional.of(provider.get());
        } catch (ServiceConfigurationError | LinkageError e) {
            return Optional.empty();
        }
    }

    private static boolean isAvailable(CryptoSuiteProvider provider) {
        try {
            return provider.availability().available();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
