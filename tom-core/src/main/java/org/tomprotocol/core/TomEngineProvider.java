package org.tomprotocol.core;

import java.nio.file.Path;
import java.util.List;

import org.tomprotocol.api.IdentityInfo;
import org.tomprotocol.api.NoProviderException;
import org.tomprotocol.api.PluginDescriptor;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.spi.EngineProvider;
import org.tomprotocol.api.spi.NodeConfig;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.core.registry.ProviderKind;
import org.tomprotocol.core.registry.ProviderRegistry;
import org.tomprotocol.core.runtime.NodeAssembly;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.spi.crypto.StoredIdentity;

/** The engine found by {@code Tom.node()}: assembles a node from the providers it finds. */
public final class TomEngineProvider implements EngineProvider {
    /** The crypto suite this engine speaks. */
    public static final String SUITE_ID = "tom-v1";
    /** Name of the identity seed file inside a node's data directory. */
    public static final String SEED_FILE = "node.seed";

    @Override
    public String id() {
        return "tom-core";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public TomNode start(NodeConfig config) {
        return NodeAssembly.start(config);
    }

    @Override
    public List<PluginDescriptor> plugins(PluginSource source) {
        return ProviderRegistry.load(source, List.of(), true).report();
    }

    @Override
    public IdentityInfo identity(Path dataDir) {
        CryptoSuite suite = cryptoSuite(ProviderRegistry.load(PluginSource.system(), List.of(), true));
        StoredIdentity stored = suite.loadOrCreateIdentity(dataDir.resolve(SEED_FILE));
        return new IdentityInfo(stored.identity().id(), stored.seedFile(), stored.created());
    }

    /** The highest-priority available provider of the {@value #SUITE_ID} suite. */
    public static CryptoSuite cryptoSuite(ProviderRegistry registry) {
        return registry.available(ProviderKind.CRYPTO, CryptoSuiteProvider.class).stream()
                .filter(p -> SUITE_ID.equals(p.id())).findFirst()
                .map(CryptoSuiteProvider::suite)
                .orElseThrow(() -> new NoProviderException("no usable '" + SUITE_ID + "' crypto suite: "
                        + registry.explainUnavailable(ProviderKind.CRYPTO)
                        + " — put tom-crypto (org.tomprotocol.crypto) on the module path or class path"));
    }
}
