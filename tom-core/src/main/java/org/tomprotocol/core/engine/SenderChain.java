package org.tomprotocol.core.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupPlaintext;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * A member's sender chain in one group (docs/groups.md §4), the Signal sender-key construction on the suite's
 * primitives: message {@code i} is encrypted under {@code MK_i = HMAC(CK_i, 0x01)} and the chain moves on to
 * {@code CK_{i+1} = HMAC(CK_i, 0x02)}, the used key forgotten — whoever learns the chain key at {@code n} reads
 * nothing before {@code n}. The owner writes with {@link #seal}; every other member reads with a
 * {@link Reader} made from the same starting key (distributed sealed to each member), which takes messages out of
 * order up to {@link #MAX_SKIPPED} places ahead and each place once. A new {@code keyEpoch} (a fresh chain) is how
 * the owner shuts out a member that left: it never gets the new starting key.
 */
public final class SenderChain {
    /** Places a reader may jump ahead (after a failover, messages come out of order); farther is refused. */
    public static final int MAX_SKIPPED = 256;
    /** The largest group message body. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final byte[] MESSAGE_KEY = {0x01};
    private static final byte[] NEXT_CHAIN_KEY = {0x02};

    /** A message of the chain: its place and its ciphertext. */
    public record Sealed(long keyEpoch, long index, SymmetricCiphertext ciphertext) {
    }

    private final CryptoSuite crypto;
    private final String group;
    private final NodeId owner;
    private final long keyEpoch;
    private byte[] chainKey;
    private long nextIndex;

    /** The owner's chain from a fresh starting key ({@link CryptoSuite#newSymmetricKey}). */
    public SenderChain(CryptoSuite crypto, String group, NodeId owner, long keyEpoch, byte[] startingKey) {
        this.crypto = crypto;
        this.group = group;
        this.owner = owner;
        this.keyEpoch = keyEpoch;
        this.chainKey = startingKey.clone();
    }

    public long keyEpoch() {
        return keyEpoch;
    }

    /** The place of the next message. */
    public long nextIndex() {
        return nextIndex;
    }

    /** A copy of the chain key at {@link #nextIndex()}: what a newcomer gets, to read from there on and not before. */
    public byte[] currentKey() {
        return chainKey.clone();
    }

    /** Encrypts the next message and moves the chain on. */
    public Sealed seal(byte[] body) throws CryptoException {
        if (body.length > MAX_BODY_BYTES) {
            throw new CryptoException("a group message body is at most " + MAX_BODY_BYTES + " bytes");
        }
        long index = nextIndex++;
        byte[] messageKey = crypto.deriveKey(chainKey, MESSAGE_KEY);
        chainKey = advance(crypto, chainKey);
        SymmetricCiphertext ciphertext = crypto.encrypt(messageKey,
                new GroupPlaintext(group, owner, keyEpoch, index, body).encode());
        Arrays.fill(messageKey, (byte) 0);
        return new Sealed(keyEpoch, index, ciphertext);
    }

    private static byte[] advance(CryptoSuite crypto, byte[] chainKey) throws CryptoException {
        byte[] next = crypto.deriveKey(chainKey, NEXT_CHAIN_KEY);
        Arrays.fill(chainKey, (byte) 0);
        return next;
    }

    /** Another member's side of one sender's chain (one key epoch). */
    public static final class Reader {
        private final CryptoSuite crypto;
        private final String group;
        private final NodeId sender;
        private final long keyEpoch;
        private byte[] chainKey;
        private long nextIndex;
        /** Message keys of places skipped over, oldest first, until their message comes. */
        private final Map<Long, byte[]> skipped = new LinkedHashMap<>();

        public Reader(CryptoSuite crypto, String group, NodeId sender, long keyEpoch, byte[] startingKey) {
            this(crypto, group, sender, keyEpoch, 0, startingKey);
        }

        /** A reader from place {@code startIndex} on, with the chain key of that place. */
        public Reader(CryptoSuite crypto, String group, NodeId sender, long keyEpoch, long startIndex,
                      byte[] startingKey) {
            this.nextIndex = startIndex;
            this.crypto = crypto;
            this.group = group;
            this.sender = sender;
            this.keyEpoch = keyEpoch;
            this.chainKey = startingKey.clone();
        }

        /** The key epoch of the chain it reads. */
        public long keyEpoch() {
            return keyEpoch;
        }

        /** A reader where a snapshot left it (a restarted member's). */
        public static Reader restored(CryptoSuite crypto, String group,
                                      org.tomprotocol.core.wire.GroupSnapshot.Reader kept) {
            Reader reader = new Reader(crypto, group, kept.owner(), kept.keyEpoch(), kept.nextIndex(), kept.chainKey());
            kept.skipped().forEach(skipped -> reader.skipped.put(skipped.index(), skipped.key()));
            return reader;
        }

        /** Where this reader stands, to keep across a restart. */
        public org.tomprotocol.core.wire.GroupSnapshot.Reader kept() {
            return new org.tomprotocol.core.wire.GroupSnapshot.Reader(sender, keyEpoch, nextIndex, chainKey,
                    skipped.entrySet().stream().map(entry -> new org.tomprotocol.core.wire.GroupSnapshot.SkippedKey(
                            entry.getKey(), entry.getValue())).toList());
        }

        /**
         * The body of {@code sealed}.
         *
         * @throws CryptoException naming why: another key epoch, a place already read or too far ahead, a
         *         ciphertext that does not open, or one made for another group, sender or place
         */
        public byte[] open(Sealed sealed) throws CryptoException {
            if (sealed.keyEpoch() != keyEpoch) {
                throw new CryptoException("group-key-epoch: " + sealed.keyEpoch() + " is not " + keyEpoch);
            }
            byte[] messageKey = messageKey(sealed.index());
            byte[] form;
            try {
                form = crypto.decrypt(messageKey, sealed.ciphertext());
            } catch (CryptoException e) {
                // a forged ciphertext must not cost the real message its key: put it back
                skipped.put(sealed.index(), messageKey);
                throw new CryptoException("group-undecryptable");
            }
            GroupPlaintext plaintext;
            try {
                plaintext = GroupPlaintext.decode(form, MAX_BODY_BYTES);
            } catch (WireException e) {
                throw new CryptoException("group-malformed-plaintext: " + e.getMessage());
            }
            if (!plaintext.group().equals(group) || !plaintext.sender().equals(sender)
                    || plaintext.keyEpoch() != keyEpoch || plaintext.index() != sealed.index()) {
                throw new CryptoException("group-misbound-ciphertext");
            }
            return plaintext.body();
        }

        private byte[] messageKey(long index) throws CryptoException {
            byte[] earlier = skipped.remove(index);
            if (earlier != null) {
                return earlier;
            }
            if (index < nextIndex) {
                throw new CryptoException("group-replayed-place: " + index + " was read");
            }
            if (index - nextIndex > MAX_SKIPPED) {
                throw new CryptoException("group-too-far-ahead: " + index + " after " + nextIndex);
            }
            while (nextIndex < index) {
                skipped.put(nextIndex++, crypto.deriveKey(chainKey, MESSAGE_KEY));
                chainKey = advance(crypto, chainKey);
                if (skipped.size() > MAX_SKIPPED) {
                    skipped.remove(skipped.keySet().iterator().next());
                }
            }
            byte[] key = crypto.deriveKey(chainKey, MESSAGE_KEY);
            chainKey = advance(crypto, chainKey);
            nextIndex++;
            return key;
        }
    }
}
