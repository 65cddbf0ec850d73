package org.tomprotocol.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NoProviderException;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

/**
 * A node speaks tom-v1 through the highest-priority available provider whose suite is tom-v1, whatever that
 * provider's own id: an accelerated implementation (like tom-v1-sodium) wins over the base one while it is usable.
 */
class CryptoSelectionTest {
    private static final CryptoSuiteProvider BASE = new TomV1CryptoSuiteProvider();

    @Test
    void theHighestPriorityProviderOfTheSuiteIsChosenWhateverItsProviderId() {
        CryptoSuiteProvider faster = new Other("tom-v1-faster", 150, Availability.AVAILABLE, BASE.suite());

        assertThat(CryptoSelection.suite(registry(BASE, faster))).isSameAs(faster.suite());
    }

    @Test
    void anUnavailableAcceleratedProviderFallsBackToTheBaseSuite() {
        CryptoSuiteProvider broken = new Other("tom-v1-faster", 150,
                Availability.unavailable("libsodium cannot be loaded"), null);

        assertThat(CryptoSelection.suite(registry(BASE, broken))).isSameAs(BASE.suite());
    }

    @Test
    void aProviderOfAnotherSuiteIsNeverChosenForTomV1() {
        CryptoSuite otherVersion = suiteOfId("tom-v2");
        CryptoSuiteProvider newer = new Other("tom-v2", 500, Availability.AVAILABLE, otherVersion);

        assertThat(CryptoSelection.suite(registry(BASE, newer))).isSameAs(BASE.suite());
        assertThatThrownBy(() -> CryptoSelection.suite(registry(newer))).isInstanceOf(NoProviderException.class)
                .hasMessageContaining("tom-v1");
    }

    private static ProviderRegistry registry(CryptoSuiteProvider... providers) {
        return ProviderRegistry.load(PluginSource.system(), List.of(providers), false);
    }

    private record Other(String id, int priority, Availability availability, CryptoSuite suite)
            implements CryptoSuiteProvider {
    }

    /** A suite of another protocol version: tom-v1 under another id (only the id matters here). */
    private static CryptoSuite suiteOfId(String id) {
        return (CryptoSuite) java.lang.reflect.Proxy.newProxyInstance(CryptoSuite.class.getClassLoader(),
                new Class<?>[] {CryptoSuite.class}, (proxy, method, args) -> method.getName().equals("id") ? id
                        : method.invoke(BASE.suite(), args));
    }
}
