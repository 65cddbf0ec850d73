package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.tomprotocol.spi.crypto.LocalIdentity;

class Ed25519IdentityTest {
    private static final HexFormat HEX = HexFormat.of();

    private final TomV1Suite suite = new TomV1Suite();

    @Test
    void rfc8032TestVector1() {
        LocalIdentity identity = suite.identityFromSeed(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(identity.id().toHex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HEX.formatHex(identity.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a"
                + "84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void jcaKeysAreJdkEd25519KeysThatSignAndVerifyLikeUs() throws Exception {
        LocalIdentity identity = suite.generateIdentity();
        byte[] message = "tls".getBytes(StandardCharsets.UTF_8);

        assertThat(identity.privateKey()).isInstanceOf(EdECPrivateKey.class);
        assertThat(identity.privateKey().getAlgorithm()).isIn("EdDSA", "Ed25519");
        assertThat(identity.publicKey()).isInstanceOf(EdECPublicKey.class);
        assertThat(identity.privateKey()).isSameAs(identity.privateKey());

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(identity.privateKey());
        jdk.update(message);
        byte[] signature = jdk.sign();
        assertThat(signature).isEqualTo(identity.sign(message));
        assertThat(suite.verify(identity.id(), message, signature)).isTrue();

        jdk.initVerify(identity.publicKey());
        jdk.update(message);
        assertThat(jdk.verify(identity.sign(message))).isTrue();
    }

    @Test
    void toStringShowsTheNodeIdOnly() {
        byte[] seed = HEX.parseHex("1111111111111111111111111111111111111111111111111111111111111111");
        LocalIdentity identity = suite.identityFromSeed(seed);
        assertThat(identity.toString()).isEqualTo("LocalIdentity[" + identity.id().toHex() + "]")
                .doesNotContain(HEX.formatHex(seed));
    }

    @Test
    void theSeedIsCopied() {
        byte[] seed = new byte[32];
        LocalIdentity identity = suite.identityFromSeed(seed);
        seed[0] = 1;
        assertThat(identity.id()).isEqualTo(suite.identityFromSeed(new byte[32]).id());
    }

    @Test
    void seedsOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> suite.identityFromSeed(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
