/**
 * The {@code tom-v1} crypto suite with its hot primitives on libsodium, called through the foreign function API
 * (Java 22+): signing, strict verification, sealing, opening and XChaCha20-Poly1305. It accelerates the Bouncy
 * Castle suite ({@code org.tomprotocol.crypto}), which it finds as a provider and to which it leaves identities,
 * seed files and the rare keys libsodium treats differently; it gives the same bytes for the same inputs. The jar
 * carries libsodium for linux-x86_64 and needs no other library; a node uses it once it is on the module path or in
 * the image's {@code plugins/} directory, with native access granted. A provider module: it exports nothing.
 */
module org.tomprotocol.crypto.sodium {
    requires org.tomprotocol.spi;

    uses org.tomprotocol.spi.crypto.CryptoSuiteProvider;

    provides org.tomprotocol.spi.crypto.CryptoSuiteProvider
            with org.tomprotocol.crypto.sodium.SodiumCryptoSuiteProvider;
}
