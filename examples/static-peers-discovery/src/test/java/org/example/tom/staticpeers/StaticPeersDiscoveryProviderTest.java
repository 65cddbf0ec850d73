package org.example.tom.staticpeers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.discovery.DiscoveryProvider;

/** How the plugin presents itself to a node: registered both ways, its priority, and its availability. */
class StaticPeersDiscoveryProviderTest {

    @Test
    void theProviderIsDeclaredForTheClassPathAndForTheModulePathAlike() throws URISyntaxException {
        List<String> onClassPath = ServiceLoader.load(DiscoveryProvider.class).stream()
                .map(provider -> provider.type().getName()).toList();
        Path classes = Path.of(StaticPeersDiscoveryProvider.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        ModuleDescriptor module = ModuleFinder.of(classes).findAll().iterator().next().descriptor();

        assertThat(onClassPath).as("META-INF/services").containsExactly(StaticPeersDiscoveryProvider.class.getName());
        assertThat(module.name()).isEqualTo("org.example.tom.staticpeers");
        assertThat(module.provides()).singleElement().satisfies(provides -> {
            assertThat(provides.service()).isEqualTo(DiscoveryProvider.class.getName());
            assertThat(provides.providers()).containsExactly(StaticPeersDiscoveryProvider.class.getName());
        });
        assertThat(module.exports()).as("a plugin exports nothing").isEmpty();
        assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "org.tomprotocol.spi");
    }

    @Test
    void itOutranksTheGossipDiscoverySoInstallingItMakesItTheNodesDiscovery() {
        assertThat(new StaticPeersDiscoveryProvider().priority()).isGreaterThan(10);
    }

    @Test
    void onTheSpiItWasBuiltForItIsAvailable() {
        assertThat(new StaticPeersDiscoveryProvider().availability()).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void onAnOlderSpiLackingWhatItCallsItSaysWhyInsteadOfFailingMidProtocol() {
        Availability availability = StaticPeersDiscoveryProvider.availabilityWith(ContextWithoutShed.class);

        assertThat(availability.available()).isFalse();
        assertThat(availability.reason()).isEqualTo("this node's ToM SPI has no DiscoveryContext.shed, which the "
                + "static discovery calls: run it on ToM 0.1.0 or newer");
    }

    /** The shape of a discovery context from before {@code shed} existed. */
    private interface ContextWithoutShed {
        void rejected(NodeId from, String reason);
    }
}
