package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;

class TomV1CryptoSuiteProviderTest {

    @Test
    void serviceLoaderFindsAnAvailableTomV1ProviderSharingOneSuite() {
        CryptoSuiteProvider provider = ServiceLoader.load(CryptoSuiteProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("tom-v1"))
                .findFirst()
                .orElseThrow();

        assertThat(provider).isInstanceOf(TomV1CryptoSuiteProvider.class);
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.availability().available()).as(provider.availability().reason()).isTrue();
        assertThat(provider.suite().id()).isEqualTo("tom-v1");
        assertThat(provider.suite()).isSameAs(new TomV1CryptoSuiteProvider().suite());
    }
}
