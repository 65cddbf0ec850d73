package org.tomprotocol.transport.quic;

import java.math.BigInteger;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.bouncycastle.util.encoders.Base32;
import org.tomprotocol.api.NodeId;

/**
 * How a node's identity appears in TLS: the certificate's key is the node's Ed25519 key, and a dialer names
 * the node it expects in the SNI as {@code <base32 node id>.tom.invalid} (as iroh does), so the trust manager
 * can reject any other key during the handshake.
 */
final class PeerIdentity {
    /** The reserved top-level domain used for node-id server names. */
    static final String SERVER_NAME_SUFFIX = ".tom.invalid";

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private PeerIdentity() {
    }

    /** The node id whose key {@code certificate} carries. */
    static NodeId nodeIdOf(X509Certificate certificate) throws CertificateException {
        byte[] spki = certificate.getPublicKey().getEncoded();
        if (spki == null || spki.length != ED25519_SPKI_PREFIX.length + NodeId.LENGTH
                || !Arrays.equals(spki, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0,
                ED25519_SPKI_PREFIX.length)) {
            throw new CertificateException("peer certificate key is not Ed25519 (algorithm "
                    + certificate.getPublicKey().getAlgorithm() + ")");
        }
        return NodeId.of(Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length));
    }

    /**
     * Which run of the peer's transport made {@code certificate}: every bind draws a fresh random serial, so a
     * new serial from a known node id means the peer restarted.
     */
    static BigInteger incarnationOf(X509Certificate certificate) {
        return certificate.getSerialNumber();
    }

    /** The peer's certificate from a completed handshake. */
    static X509Certificate peerCertificate(SSLEngine engine) throws SSLPeerUnverifiedException {
        if (engine == null) {
            throw new SSLPeerUnverifiedException("no TLS engine");
        }
        Certificate[] chain = engine.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new SSLPeerUnverifiedException("peer presented no X.509 certificate");
        }
        return leaf;
    }

    /** The SNI host name a dialer sends when it expects {@code peer}. */
    static String serverNameFor(NodeId peer) {
        String base32 = Base32.toBase32String(peer.toBytes());
        int end = base32.indexOf('=');
        return (end < 0 ? base32 : base32.substring(0, end)).toLowerCase(Locale.ROOT) + SERVER_NAME_SUFFIX;
    }

    /** The node id named by {@code serverName}, or {@code null} if it is not a node-id server name. */
    static NodeId expectedPeerOf(String serverName) {
        if (serverName == null || !serverName.toLowerCase(Locale.ROOT).endsWith(SERVER_NAME_SUFFIX)) {
            return null;
        }
        try {
            return NodeId.parse(serverName.substring(0, serverName.length() - SERVER_NAME_SUFFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A short printable form of an incarnation, for logs. */
    static String shortIncarnation(BigInteger incarnation) {
        String hex = incarnation.toString(16);
        return hex.length() <= 8 ? hex : hex.substring(0, 8);
    }
}
