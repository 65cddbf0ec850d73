package org.tomprotocol.transport.quic;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;
import org.tomprotocol.spi.crypto.StoredIdentity;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/** A test-only crypto suite on the JDK's Ed25519; only what the transport needs works. */
class JdkTestCrypto implements CryptoSuite {
    static final JdkTestCrypto INSTANCE = new JdkTestCrypto();

    /** A fresh identity on JDK Ed25519 keys. */
    static LocalIdentity newIdentity() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            NodeId id = NodeId.of(Arrays.copyOfRange(spki, spki.length - NodeId.LENGTH, spki.length));
            return new JdkIdentity(id, pair);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record JdkIdentity(NodeId id, KeyPair pair) implements LocalIdentity {
        @Override
        public byte[] sign(byte[] message) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(pair.getPrivate());
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public PrivateKey privateKey() {
            return pair.getPrivate();
        }

        @Override
        public PublicKey publicKey() {
            return pair.getPublic();
        }

        @Override
        public String toString() {
            return "JdkIdentity[" + id.shortForm() + "]";
        }
    }

    @Override
    public String id() {
        return "jdk-test";
    }

    @Override
    public LocalIdentity generateIdentity() {
        return newIdentity();
    }

    @Override
    public boolean isValidPublicKey(NodeId id) {
        return id.toBytes().length == NodeId.LENGTH;
    }

    @Override
    public LocalIdentity identityFromSeed(byte[] seed) {
        throw new UnsupportedOperationException("not needed by transport tests");
    }

    @Override
    public StoredIdentity loadOrCreateIdentity(Path seedFile) {
        throw new UnsupportedOperationException("not needed by transport tests");
    }

    @Override
    public boolean verify(NodeId signer, byte[] message, byte[] signature) {
        throw new UnsupportedOperationException("not needed by transport tests");
    }

    @Override
    public SealedPayload seal(NodeId recipient, byte[] plaintext) {
        throw new UnsupportedOperationException("not needed by transport tests");
    }

    @Override
    public byte[] open(LocalIdentity recipient, SealedPayload sealed) {
        throw new UnsupportedOperationException("not needed by transport tests");
    }

    @Override
    public byte[] newSymmetricKey() {
        throw new UnsupportedOperationException("not needed by transport tests");
    }

    @Override
    public SymmetricCiphertext encrypt(byte[] key, byte[] plaintext) {
        throw new UnsupportedOperationException("not needed by transport tests");
    }

    @Override
    public byte[] decrypt(byte[] key, SymmetricCiphertext ciphertext) {
        throw new UnsupportedOperationException("not needed by transport tests");
    }
}
