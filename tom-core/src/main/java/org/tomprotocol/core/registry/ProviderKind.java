package org.tomprotocol.core.registry;

import org.tomprotocol.api.spi.EngineProvider;
import org.tomprotocol.api.spi.Provider;
import org.tomprotocol.spi.anchor.AnchorProvider;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.spi.runtime.RuntimeProvider;
import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.spi.transport.TransportProvider;

/** The kinds of provider a node is assembled from, each with its service interface. */
public enum ProviderKind {
    ENGINE("engine", EngineProvider.class),
    CRYPTO("crypto", CryptoSuiteProvider.class),
    TRANSPORT("transport", TransportProvider.class),
    DISCOVERY("discovery", DiscoveryProvider.class),
    STORE("store", StoreProvider.class),
    ANCHOR("anchor", AnchorProvider.class),
    RUNTIME("runtime", RuntimeProvider.class);

    private final String label;
    private final Class<? extends Provider> service;

    ProviderKind(String label, Class<? extends Provider> service) {
        this.label = label;
        this.service = service;
    }

    /** The lowercase name used in reports, e.g. {@code transport}. */
    public String label() {
        return label;
    }

    /** The service interface providers of this kind implement. */
    public Class<? extends Provider> service() {
        return service;
    }

    /** The kind whose service {@code provider} implements, or {@code null}. */
    public static ProviderKind of(Provider provider) {
        for (ProviderKind kind : values()) {
            if (kind.service.isInstance(provider)) {
                return kind;
            }
        }
        return null;
    }
}
