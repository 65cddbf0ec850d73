package org.tomprotocol.transport.quic;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoSuite;

/**
 * Trusts keys, not certificate authorities. As a dialer it accepts the server only if the certificate key is
 * the node id named in the SNI ({@link PeerIdentity#serverNameFor}); as an acceptor it accepts any client whose
 * key is a valid Ed25519 public key, and learns the caller's node id from it. Dates and issuers are ignored.
 */
final class PinnedPeerTrustManager extends X509ExtendedTrustManager {
    private static final System.Logger LOG = System.getLogger(PinnedPeerTrustManager.class.getName());
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final CryptoSuite crypto;
    private final Consumer<String> rejections;

    /**
     * @param crypto     checks that a peer key is a usable Ed25519 point
     * @param rejections told the reason of every refused certificate (for the node's counters)
     */
    PinnedPeerTrustManager(CryptoSuite crypto, Consumer<String> rejections) {
        this.crypto = crypto;
        this.rejections = rejections;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        NodeId caller = keyOf(chain);
        if (!crypto.isValidPublicKey(caller)) {
            throw reject("invalid-peer-key", "peer key " + caller.shortForm() + " is not a valid Ed25519 key");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        NodeId expected = PeerIdentity.expectedPeerOf(peerHostOf(engine));
        if (expected == null) {
            throw reject("identity-mismatch", "dial carries no expected node id");
        }
        NodeId actual = keyOf(chain);
        if (!actual.equals(expected)) {
            throw reject("identity-mismatch", "peer is " + actual.shortForm() + ", expected "
                    + expected.shortForm());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw reject("identity-mismatch", "a QUIC dial must name the node it expects");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw reject("identity-mismatch", "a QUIC dial must name the node it expects");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }

    /** Netty's QUIC engine keeps the peer host in its session; SSLEngine.getPeerHost() is null there. */
    private static String peerHostOf(SSLEngine engine) {
        if (engine == null) {
            return null;
        }
        if (engine.getPeerHost() != null) {
            return engine.getPeerHost();
        }
        SSLSession session = engine.getHandshakeSession() != null ? engine.getHandshakeSession() : engine.getSession();
        return session == null ? null : session.getPeerHost();
    }

    private NodeId keyOf(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw reject("no-peer-certificate", "peer presented no certificate");
        }
        try {
            return PeerIdentity.nodeIdOf(chain[0]);
        } catch (CertificateException e) {
            rejections.accept("invalid-peer-key");
            throw e;
        }
    }

    private CertificateException reject(String reason, String message) {
        LOG.log(System.Logger.Level.DEBUG, "refused a peer certificate: {0}", message);
        rejections.accept(reason);
        return new CertificateException(message);
    }
}
