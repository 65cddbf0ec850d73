package org.tomprotocol.api.spi;

import java.nio.file.Path;
import java.util.List;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.IdentityInfo;
import org.tomprotocol.api.PluginDescriptor;
import org.tomprotocol.api.TomNode;

/**
 * The protocol engine, found by {@code Tom.node()}. It lives beside the API rather than in
 * {@code org.tomprotocol.spi} because the API module itself must declare {@code uses} for it, and the API
 * depends on nothing; the JDK's {@code HttpServerProvider} follows the same pattern.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface EngineProvider extends Provider {
    /** Starts a node with {@code config}. */
    TomNode start(NodeConfig config);

    /** Every provider reachable through {@code source}, this engine included, available or not. */
    List<PluginDescriptor> plugins(PluginSource source);

    /** Loads the identity kept in {@code dataDir}, creating it when absent. */
    IdentityInfo identity(Path dataDir);
}
