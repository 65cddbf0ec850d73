package org.example.tom.staticpeers;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OptionSpec;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.DiscoveryProvider;

/**
 * The {@code static} discovery: a node connects to the peers listed in a file ({@code static.peers-file}), with no
 * {@code --bootstrap} and no gossip, greets again those that are away, and meshes with the nodes they bring.
 *
 * <p>A node runs one discovery, the available one of highest priority. This one outranks the standard
 * {@code gossip} discovery (priority {@value #PRIORITY} against 10), so adding its jar to a node makes that node
 * use it; without a peers file it still joins through the bootstrap peers. Nodes using it speak its frames, not
 * gossip's: it suits a group of nodes whose addresses are known (a site, a lab, a private cluster). Messages
 * between nodes are the engine's, whatever the discovery.
 */
public final class StaticPeersDiscoveryProvider implements DiscoveryProvider {
    /** The provider id, and the prefix of its options. */
    public static final String ID = "static";
    /** Above gossip's 10: whoever installs this plugin wants it to be the node's discovery. */
    static final int PRIORITY = 20;
    private static final System.Logger LOG = System.getLogger(StaticPeersDiscoveryProvider.class.getName());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public List<OptionSpec> options() {
        return StaticPeersSettings.OPTIONS;
    }

    @Override
    public Availability availability() {
        return availabilityWith(DiscoveryContext.class);
    }

    /**
     * Whether the SPI this plugin runs against has what it calls. Built against ToM 0.1, it calls
     * {@code DiscoveryContext.shed}; on a node whose SPI lacks it the calls would fail as errors in the middle of the
     * protocol, so the plugin says so up front and the node runs another discovery.
     */
    static Availability availabilityWith(Class<?> contextType) {
        try {
            contextType.getMethod("shed", NodeId.class, String.class);
            return Availability.AVAILABLE;
        } catch (NoSuchMethodException | SecurityException e) {
            return Availability.unavailable("this node's ToM SPI has no DiscoveryContext.shed, which the static "
                    + "discovery calls: run it on ToM 0.1.0 or newer");
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the options and the peers file, once.
     *
     * @throws org.tomprotocol.api.ConfigurationException naming the option, file or line to fix
     */
    @Override
    public Discovery create(DiscoveryContext context) {
        Objects.requireNonNull(context, "context");
        StaticPeersSettings settings = StaticPeersSettings.from(context.options());
        List<PeerAddress> peers = settings.peersFile().map(file -> PeersFile.read(file, context.localId()))
                .orElse(List.of());
        settings.peersFile().ifPresent(file -> LOG.log(Level.DEBUG, "static discovery of {0}: {1} peers in {2}",
                context.localId().shortForm(), peers.size(), file));
        return new StaticPeersDiscovery(context, settings, peers);
    }
}
