package org.tomprotocol.transport.quic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.LocalIdentity;

/** The identity certificate, the SNI naming and the pinning trust manager, without a network. */
class IdentityTlsTest {
    private final LocalIdentity alice = JdkTestCrypto.newIdentity();
    private final LocalIdentity bob = JdkTestCrypto.newIdentity();

    @Test
    void certificateKeyIsTheNodeIdentity() throws Exception {
        IdentityCertificate first = IdentityCertificate.create(alice, new SecureRandom());
        IdentityCertificate second = IdentityCertificate.create(alice, new SecureRandom());

        assertThat(PeerIdentity.nodeIdOf(first.certificate())).isEqualTo(alice.id());
        first.certificate().verify(alice.publicKey()); // self-signed with the identity key
        assertThat(first.incarnation()).isPositive().isNotEqualTo(second.incarnation());
        assertThat(PeerIdentity.incarnationOf(first.certificate())).isEqualTo(first.incarnation());
        assertThat(first.toString()).doesNotContain(alice.privateKey().toString());
    }

    @Test
    void serverNameCarriesTheExpectedNodeId() {
        String name = PeerIdentity.serverNameFor(alice.id());

        assertThat(name).endsWith(".tom.invalid").isLowerCase();
        assertThat(name.substring(0, name.indexOf('.'))).hasSize(52); // one DNS label (max 63)
        assertThat(PeerIdentity.expectedPeerOf(name)).isEqualTo(alice.id());
        assertThat(PeerIdentity.expectedPeerOf(name.toUpperCase())).isEqualTo(alice.id());
        assertThat(PeerIdentity.expectedPeerOf("example.org")).isNull();
        assertThat(PeerIdentity.expectedPeerOf("nothex.tom.invalid")).isNull();
        assertThat(PeerIdentity.expectedPeerOf(null)).isNull();
    }

    @Test
    void dialerAcceptsOnlyTheNodeItExpects() throws Exception {
        List<String> rejections = new ArrayList<>();
        PinnedPeerTrustManager trust = new PinnedPeerTrustManager(JdkTestCrypto.INSTANCE, rejections::add);
        X509Certificate[] bobChain = {IdentityCertificate.create(bob, new SecureRandom()).certificate()};

        trust.checkServerTrusted(bobChain, "UNKNOWN", engineExpecting(bob.id()));

        assertThatThrownBy(() -> trust.checkServerTrusted(bobChain, "UNKNOWN", engineExpecting(alice.id())))
                .isInstanceOf(CertificateException.class).hasMessageContaining("expected " + alice.id().shortForm());
        assertThatThrownBy(() -> trust.checkServerTrusted(bobChain, "UNKNOWN"))
                .isInstanceOf(CertificateException.class);
        assertThat(rejections).containsExactly("identity-mismatch", "identity-mismatch");
    }

    @Test
    void acceptorAcceptsAnyValidKeyAndRefusesInvalidOnes() throws Exception {
        List<String> rejections = new ArrayList<>();
        X509Certificate[] aliceChain = {IdentityCertificate.create(alice, new SecureRandom()).certificate()};
        new PinnedPeerTrustManager(JdkTestCrypto.INSTANCE, rejections::add)
                .checkClientTrusted(aliceChain, "UNKNOWN", engineExpecting(null));

        PinnedPeerTrustManager strict = new PinnedPeerTrustManager(new RejectingCrypto(), rejections::add);
        assertThatThrownBy(() -> strict.checkClientTrusted(aliceChain, "UNKNOWN", engineExpecting(null)))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not a valid Ed25519 key");
        assertThat(rejections).containsExactly("invalid-peer-key");
    }

    @Test
    void nonEd25519CertificatesAreRefused() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        X500Name name = new X500Name("CN=ec");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(0), new Date(), name, ec.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ec.getPrivate())));
        List<String> rejections = new ArrayList<>();

        assertThatThrownBy(() -> PeerIdentity.nodeIdOf(certificate)).hasMessageContaining("not Ed25519");
        assertThatThrownBy(() -> new PinnedPeerTrustManager(JdkTestCrypto.INSTANCE, rejections::add)
                .checkClientTrusted(new X509Certificate[] {certificate}, "EC"))
                .isInstanceOf(CertificateException.class);
        assertThat(rejections).containsExactly("invalid-peer-key");
    }

    private static SSLEngine engineExpecting(NodeId peer) throws Exception {
        return SSLContext.getDefault().createSSLEngine(peer == null ? null : PeerIdentity.serverNameFor(peer), 0);
    }

    /** A suite that finds every key invalid (e.g. a small-order point). */
    private static final class RejectingCrypto extends JdkTestCrypto {
        @Override
        public boolean isValidPublicKey(NodeId id) {
            return false;
        }
    }
}
