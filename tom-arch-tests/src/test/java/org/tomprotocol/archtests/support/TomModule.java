package org.tomprotocol.archtests.support;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The production modules of ToM and the only packages each may export. Everything else a module holds is
 * implementation, reachable through {@code ServiceLoader} alone.
 */
public enum TomModule {
    API("org.tomprotocol.api", "org.tomprotocol.api", "org.tomprotocol.api.spi"),
    SPI("org.tomprotocol.spi", "org.tomprotocol.spi.anchor", "org.tomprotocol.spi.crypto",
            "org.tomprotocol.spi.discovery", "org.tomprotocol.spi.runtime", "org.tomprotocol.spi.state",
            "org.tomprotocol.spi.store", "org.tomprotocol.spi.transport"),
    CORE("org.tomprotocol.core"),
    CRYPTO("org.tomprotocol.crypto"),
    // tom-v1 on libsodium: a plugin jar in the image's plugins/, outside its runtime modules.
    CRYPTO_SODIUM("org.tomprotocol.crypto.sodium"),
    TRANSPORT_QUIC("org.tomprotocol.transport.quic"),
    TRANSPORT_WEBRTC("org.tomprotocol.transport.webrtc"),
    // a node's web endpoint for browser nodes (the ws transport)
    TRANSPORT_WEB("org.tomprotocol.transport.web"),
    TRANSPORT_MEM("org.tomprotocol.transport.mem"),
    DISCOVERY_GOSSIP("org.tomprotocol.discovery.gossip"),
    STORE_SQLITE("org.tomprotocol.store.sqlite"),
    // A library for tests and simulations (the in-memory transport's plugin is tom-transport-mem).
    TESTKIT("org.tomprotocol.testkit", "org.tomprotocol.testkit", "org.tomprotocol.testkit.sim",
            "org.tomprotocol.testkit.gossip"),
    // A library for plugin authors' tests: the suites they extend; its helpers stay unexported.
    TCK("org.tomprotocol.tck", "org.tomprotocol.tck"),
    // The command line exports only what command extensions (the lab) build on.
    CLI("org.tomprotocol.cli", "org.tomprotocol.cli.extension", "org.tomprotocol.cli.output"),
    // tom sim and tom bench: a command extension, packaged outside the image's runtime modules.
    LAB("org.tomprotocol.lab");

    /**
     * The modules this test module depends on, whose jars must therefore be on the class path: a missing jar
     * fails the tests instead of silently shrinking what they cover. Add a module here when its dependency
     * is added to tom-arch-tests/pom.xml.
     */
    public static final Set<TomModule> REQUIRED = EnumSet.of(API, SPI, CORE, CRYPTO, CRYPTO_SODIUM, TRANSPORT_QUIC,
            TRANSPORT_WEB, TRANSPORT_WEBRTC, TRANSPORT_MEM, DISCOVERY_GOSSIP, STORE_SQLITE, TESTKIT, TCK, CLI, LAB);

    private final String moduleName;
    private final Set<String> allowedExports;

    TomModule(String moduleName, String... allowedExports) {
        this.moduleName = moduleName;
        this.allowedExports = Set.of(allowedExports);
    }

    /** The JPMS module name, which is also the root package. */
    public String moduleName() {
        return moduleName;
    }

    /** The packages this module may export; empty for the engine, the plugins and the lab. */
    public Set<String> allowedExports() {
        return allowedExports;
    }

    /** The constant for a module name, if it is a known ToM module. */
    public static Optional<TomModule> named(String moduleName) {
        return Arrays.stream(values()).filter(m -> m.moduleName.equals(moduleName)).findFirst();
    }
}
