/**
 * The {@code tom-v1} crypto suite on Bouncy Castle: Ed25519 identities with ed25519-dalek-compatible strict
 * verification, X25519 key agreement on keys converted from Ed25519, HKDF-SHA256 and XChaCha20-Poly1305.
 * A provider module: it exports nothing.
 */
module org.tomprotocol.crypto {
    requires org.tomprotocol.spi;
    requires org.bouncycastle.provider;

    provides org.tomprotocol.spi.crypto.CryptoSuiteProvider with org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
}
