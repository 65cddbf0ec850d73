/**
 * The ToM technology compatibility kit: JUnit 5 suites that a plugin author extends to check a provider against
 * the contracts the engine relies on — {@code TransportTck}, {@code DiscoveryTck}, {@code CryptoSuiteTck},
 * {@code StoreTck} and {@code AnchorTck}. Each suite is an abstract test class whose subclass names the provider
 * (and, for transports, where to listen); every check in it is known to fail on a provider broken for it
 * (the TCK's own tests). Incubating, like the contracts of stores and anchors.
 *
 * @uses org.tomprotocol.spi.crypto.CryptoSuiteProvider
 */
module org.tomprotocol.tck {
    requires transitive org.tomprotocol.spi;
    requires transitive org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;
    requires msgpack.core;

    exports org.tomprotocol.tck;

    // the transport suite finds a crypto suite for its identities when the author names none
    uses org.tomprotocol.spi.crypto.CryptoSuiteProvider;
}
