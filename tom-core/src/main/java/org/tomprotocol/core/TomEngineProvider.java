package org.tomprotocol.core;

import java.nio.file.Path;
import java.util.List;

import org.tomprotocol.api.IdentityInfo;
import org.tomprotocol.api.PluginDescriptor;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.spi.EngineProvider;
import org.tomprotocol.api.spi.NodeConfig;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.core.registry.CryptoSelection;
import org.tomprotocol.core.registry.ProviderRegistry;
import org.tomprotocol.core.runtime.NodeAssembly;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.StoredIdentity;

/** The engine found by {@code Tom.node()}: assembles a node from the providers it finds. */
public final class TomEngineProvider implements EngineProvider {
    @Override
    public String id() {
        return "tom-core";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public List<org.tomprotocol.api.OptionSpec> options() {
        return org.tomprotocol.core.registry.EngineOptions.ALL;
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
        CryptoSuite suite = CryptoSelection.suite(ProviderRegistry.load(PluginSource.system(), List.of(), true));
        StoredIdentity stored = suite.loadOrCreateIdentity(dataDir.resolve(CryptoSelection.SEED_FILE));
        return new IdentityInfo(stored.identity().id(), stored.seedFile(), stored.created());
    }
}
