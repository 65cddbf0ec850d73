package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * Sender chains (docs/groups.md §4): members read a sender's messages in any order within a window, each place once;
 * a ciphertext opens only for its group, sender, key epoch and place; a forged one does not cost the real message;
 * and a member shut out by a new key epoch reads nothing of it.
 */
class SenderChainTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private final String group = "grp-" + UUID.randomUUID();
    private final NodeId alice = SUITE.generateIdentity().id();
    private final NodeId bob = SUITE.generateIdentity().id();
    private final byte[] start = SUITE.newSymmetricKey();

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private List<SenderChain.Sealed> sealed(SenderChain chain, int count) throws CryptoException {
        List<SenderChain.Sealed> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(chain.seal(text("message " + i)));
        }
        return out;
    }

    @Test
    void aReaderOpensInAnyOrderWithinTheWindowAndEachPlaceOnce() throws CryptoException {
        List<SenderChain.Sealed> messages = sealed(new SenderChain(SUITE, group, alice, 1, start), 6);
        SenderChain.Reader reader = new SenderChain.Reader(SUITE, group, alice, 1, start);

        assertThat(reader.open(messages.get(0))).isEqualTo(text("message 0"));
        assertThat(reader.open(messages.get(5))).isEqualTo(text("message 5"));
        assertThat(reader.open(messages.get(2))).as("skipped over, kept").isEqualTo(text("message 2"));
        assertThatThrownBy(() -> reader.open(messages.get(2))).hasMessageStartingWith("group-replayed-place");
        assertThatThrownBy(() -> reader.open(messages.get(0))).hasMessageStartingWith("group-replayed-place");
        assertThat(reader.open(messages.get(1))).isEqualTo(text("message 1"));
    }

    @Test
    void aPlaceFartherThanTheWindowIsRefused() throws CryptoException {
        List<SenderChain.Sealed> messages = sealed(new SenderChain(SUITE, group, alice, 1, start),
                SenderChain.MAX_SKIPPED + 2);
        SenderChain.Reader reader = new SenderChain.Reader(SUITE, group, alice, 1, start);
        assertThatThrownBy(() -> reader.open(messages.getLast())).hasMessageStartingWith("group-too-far-ahead");
        assertThat(reader.open(messages.get(SenderChain.MAX_SKIPPED))).isEqualTo(text("message " + SenderChain.MAX_SKIPPED));
    }

    @Test
    void aCiphertextOpensOnlyForItsSenderAndAForgedOneDoesNotCostTheRealMessage() throws CryptoException {
        SenderChain.Sealed fromAlice = new SenderChain(SUITE, group, alice, 1, start).seal(text("hi"));
        // bob's chain started from the same key (it must not): the header inside still names alice
        SenderChain.Reader asIfBob = new SenderChain.Reader(SUITE, group, bob, 1, start);
        assertThatThrownBy(() -> asIfBob.open(fromAlice)).hasMessageStartingWith("group-misbound-ciphertext");

        SenderChain.Reader reader = new SenderChain.Reader(SUITE, group, alice, 1, start);
        byte[] altered = fromAlice.ciphertext().ciphertext().clone();
        altered[0] ^= 1;
        SenderChain.Sealed forged = new SenderChain.Sealed(1, 0, new SymmetricCiphertext(altered,
                fromAlice.ciphertext().nonce()));
        assertThatThrownBy(() -> reader.open(forged)).hasMessageStartingWith("group-undecryptable");
        assertThat(reader.open(fromAlice)).isEqualTo(text("hi"));
    }

    @Test
    void aMemberShutOutByANewKeyEpochReadsNothingOfIt() throws CryptoException {
        SenderChain.Reader removed = new SenderChain.Reader(SUITE, group, alice, 1, start);
        assertThat(removed.open(new SenderChain(SUITE, group, alice, 1, start).seal(text("before")))).isNotEmpty();

        // alice rotates: a fresh starting key, sealed to the members that remain only
        SenderChain rotated = new SenderChain(SUITE, group, alice, 2, SUITE.newSymmetricKey());
        SenderChain.Sealed after = rotated.seal(text("after the removal"));

        assertThatThrownBy(() -> removed.open(after)).hasMessageStartingWith("group-key-epoch");
        SenderChain.Reader guessing = new SenderChain.Reader(SUITE, group, alice, 2, start);
        assertThatThrownBy(() -> guessing.open(after)).as("the old key under the new epoch")
                .hasMessageStartingWith("group-undecryptable");
    }
}
