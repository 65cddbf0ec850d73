package org.tomprotocol.transport.quic;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * The self-signed certificate a node presents: its subject key IS the node's Ed25519 identity key, so the
 * TLS CertificateVerify proves the peer holds the node's secret. Validity dates are irrelevant (peers pin the
 * key, not a CA), so the certificate is valid from 1970 to 9999 (RFC 5280's "no well-defined expiration").
 *
 * @param certificate the certificate
 * @param privateKey  the identity's secret key, as a JDK key BoringSSL can import
 * @param incarnation the random serial number, fresh for every bind
 */
record IdentityCertificate(X509Certificate certificate, PrivateKey privateKey, BigInteger incarnation) {
    private static final Date NOT_BEFORE = Date.from(Instant.EPOCH);
    private static final Date NOT_AFTER = Date.from(Instant.parse("9999-12-31T23:59:59Z"));

    @Override
    public String toString() {
        return "IdentityCertificate[incarnation=" + PeerIdentity.shortIncarnation(incarnation) + "]";
    }

    /** Creates the certificate of {@code identity} with a fresh random serial. */
    static IdentityCertificate create(LocalIdentity identity, SecureRandom random) throws GeneralSecurityException {
        PrivateKey key = asJdkKey(identity.privateKey());
        byte[] serialBytes = new byte[16];
        random.nextBytes(serialBytes);
        serialBytes[0] = (byte) ((serialBytes[0] & 0x7f) | 0x40); // positive, 16 bytes, never zero
        BigInteger serial = new BigInteger(serialBytes);
        X500Name name = new X500Name("CN=" + identity.id().toHex());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, NOT_BEFORE, NOT_AFTER,
                name, identity.publicKey());
        try {
            ContentSigner signer = new JcaContentSignerBuilder("Ed25519").build(key);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            if (!PeerIdentity.nodeIdOf(certificate).equals(identity.id())) {
                throw new GeneralSecurityException("identity public key does not match its node id");
            }
            return new IdentityCertificate(certificate, key, serial);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the identity certificate with Ed25519", e);
        }
    }

    /** BoringSSL imports the key from its PKCS#8 encoding; a JDK key also works with the JDK signer above. */
    private static PrivateKey asJdkKey(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof EdECPrivateKey) {
            return key;
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new GeneralSecurityException("identity private key cannot be exported as PKCS#8 ("
                    + key.getClass().getName() + ")");
        }
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
    }
}
