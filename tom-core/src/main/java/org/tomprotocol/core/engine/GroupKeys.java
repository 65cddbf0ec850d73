package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.GroupSnapshot;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * One member's sender keys in one group (docs/groups.md §4): its own chain, which it rotates — a fresh key epoch
 * granted to the members of the moment — when it joins, when a member leaves or is removed, and after
 * {@link #ROTATE_AFTER_MESSAGES} messages or 24 hours; the readers of the other members' chains, from the grants
 * sealed to this node; and the posts that came before their key did (at most {@link #MAX_HELD}, 24 hours). Pure;
 * agent thread only.
 */
final class GroupKeys implements MessageHolder {
    static final int ROTATE_AFTER_MESSAGES = 10_000;
    static final long ROTATE_AFTER_MS = ProtocolConstants.MAX_AGE_MS;
    /** Posts held for a key that has not come yet, at most; past it the oldest go. */
    static final int MAX_HELD = 256;
    /** Key epochs kept per sender: the one in use and the one before (posts ordered across a rotation). */
    private static final int EPOCHS_KEPT = 2;

    /** What became of a post. */
    sealed interface Opening {
        record Opened(GroupStatement.Post post, byte[] body) implements Opening {
        }

        /** Its key has not come: held until it does. */
        record Held() implements Opening {
        }

        /** Refused, counted as {@code rejected.group-<reason>} by the caller. */
        record Refused(String reason) implements Opening {
        }
    }

    private record HeldPost(GroupStatement.Post post, long heldAt) {
    }

    private final CryptoSuite crypto;
    private final LocalIdentity identity;
    private final String group;
    private SenderChain own;
    private long ownStartedAt;
    private long nextKeyEpoch = 1;
    private final Map<NodeId, TreeMap<Long, SenderChain.Reader>> readers = new HashMap<>();
    private final List<HeldPost> held = new ArrayList<>();
    /**
     * The chain key before each of this node's posts the hub has not ordered yet, by place: a newcomer whose join
     * the hub ordered before them gets the chain from the first of them, so it can read them (they reach it after
     * its join). Forgotten as each is ordered, or when the chain is renewed.
     */
    private final TreeMap<Long, byte[]> unordered = new TreeMap<>();

    GroupKeys(CryptoSuite crypto, LocalIdentity identity, String group) {
        this.crypto = crypto;
        this.identity = identity;
        this.group = group;
    }

    /** Whether this node's chain must be renewed before its next post (none yet, or past its count or age). */
    boolean needsRotation(long now) {
        return own == null || own.nextIndex() >= ROTATE_AFTER_MESSAGES || now - ownStartedAt >= ROTATE_AFTER_MS;
    }

    /** A fresh chain under a new key epoch, granted to {@code members} (this node excluded): the statement to order. */
    SignedGroupStatement rotate(Collection<NodeId> members, long now) throws CryptoException {
        own = new SenderChain(crypto, group, identity.id(), nextKeyEpoch++, crypto.newSymmetricKey());
        ownStartedAt = now;
        forgetUnordered();
        return grant(members, own.nextIndex(), own.currentKey(), now);
    }

    /**
     * The chain in use granted to a newcomer, from this node's first post not yet ordered (ordered after the
     * newcomer's join, it reaches the newcomer), else from the next place: it reads nothing ordered before it joined.
     */
    SignedGroupStatement grantCurrent(NodeId newcomer, long now) throws CryptoException {
        if (!unordered.isEmpty()) {
            return grant(List.of(newcomer), unordered.firstKey(), unordered.firstEntry().getValue().clone(), now);
        }
        return grant(List.of(newcomer), own.nextIndex(), own.currentKey(), now);
    }

    private SignedGroupStatement grant(Collection<NodeId> members, long startIndex, byte[] key, long now)
            throws CryptoException {
        List<GroupStatement.Grant> grants = new ArrayList<>();
        for (NodeId member : members) {
            if (!member.equals(identity.id())) {
                grants.add(new GroupStatement.Grant(member, EncryptedPayloadCodec.encode(crypto.seal(member, key))));
            }
        }
        java.util.Arrays.fill(key, (byte) 0);
        return SignedGroupStatement.sign(new GroupStatement.SenderKeys(group, identity.id(), own.keyEpoch(),
                startIndex, now, grants), identity);
    }

    /** Encrypts this node's next post. */
    SenderChain.Sealed seal(byte[] body) throws CryptoException {
        long index = own.nextIndex();
        byte[] before = own.currentKey();
        SenderChain.Sealed sealed = own.seal(body);
        unordered.put(index, before);
        return sealed;
    }

    /** The hub ordered this node's post at {@code index} of key epoch {@code keyEpoch}. */
    void ordered(long keyEpoch, long index) {
        if (own != null && keyEpoch == own.keyEpoch()) {
            byte[] key = unordered.remove(index);
            if (key != null) {
                java.util.Arrays.fill(key, (byte) 0);
            }
        }
    }

    private void forgetUnordered() {
        unordered.values().forEach(key -> java.util.Arrays.fill(key, (byte) 0));
        unordered.clear();
    }

    /**
     * Keys a member handed out, as the hub ordered them: a reader if one grant is for this node.
     *
     * @return why they were refused, or {@code null}
     */
    String accept(GroupStatement.SenderKeys keys) {
        for (GroupStatement.Grant grant : keys.grants()) {
            if (!grant.member().equals(identity.id())) {
                continue;
            }
            TreeMap<Long, SenderChain.Reader> chains = readers.computeIfAbsent(keys.owner(), owner -> new TreeMap<>());
            if (chains.containsKey(keys.keyEpoch())
                    || (!chains.isEmpty() && keys.keyEpoch() < chains.firstKey())) {
                return "replayed-sender-key";
            }
            byte[] chainKey;
            try {
                chainKey = crypto.open(identity, EncryptedPayloadCodec.decode(grant.sealedKey()));
            } catch (CryptoException | WireException e) {
                return "unopenable-sender-key";
            }
            keep(chains, new SenderChain.Reader(crypto, group, keys.owner(), keys.keyEpoch(), keys.startIndex(),
                    chainKey));
            java.util.Arrays.fill(chainKey, (byte) 0);
            return null;
        }
        return null;
    }

    /** Opens another member's post, or holds it until its key comes. */
    Opening open(GroupStatement.Post post, long now) {
        SenderChain.Reader reader = reader(post);
        if (reader == null) {
            held.add(new HeldPost(post, now));
            if (held.size() > MAX_HELD) {
                held.remove(0);
            }
            return new Opening.Held();
        }
        return opened(reader, post);
    }

    /** Opens another member's post if its chain's key is here; null if not (nothing is held). */
    Opening openIfReadable(GroupStatement.Post post) {
        SenderChain.Reader reader = reader(post);
        return reader == null ? null : opened(reader, post);
    }

    private SenderChain.Reader reader(GroupStatement.Post post) {
        TreeMap<Long, SenderChain.Reader> chains = readers.get(post.sender());
        return chains == null ? null : chains.get(post.keyEpoch());
    }

    private Opening opened(SenderChain.Reader reader, GroupStatement.Post post) {
        try {
            return new Opening.Opened(post, reader.open(new SenderChain.Sealed(post.keyEpoch(), post.index(),
                    new SymmetricCiphertext(post.ciphertext(), post.nonce()))));
        } catch (CryptoException e) {
            String reason = e.getMessage();
            int colon = reason.indexOf(':');
            return new Opening.Refused((colon < 0 ? reason : reason.substring(0, colon)).replace("group-", ""));
        } catch (IllegalArgumentException e) {
            return new Opening.Refused("malformed-post");
        }
    }

    /** The held posts of {@code owner} that its newly granted key opens (or refuses), in the order they came. */
    List<Opening> releaseHeld(NodeId owner) {
        List<Opening> released = new ArrayList<>();
        for (Iterator<HeldPost> it = held.iterator(); it.hasNext(); ) {
            GroupStatement.Post post = it.next().post();
            SenderChain.Reader reader = post.sender().equals(owner) ? reader(post) : null;
            if (reader != null) {
                it.remove();
                released.add(opened(reader, post));
            }
        }
        return released;
    }

    /** Adds a sender's chain under its key epoch; only the latest {@link #EPOCHS_KEPT} stay. */
    private static void keep(TreeMap<Long, SenderChain.Reader> chains, SenderChain.Reader reader) {
        chains.put(reader.keyEpoch(), reader);
        while (chains.size() > EPOCHS_KEPT) {
            chains.pollFirstEntry();
        }
    }

    /** The chains this member reads, where it stands in each, to keep across a restart. */
    List<GroupSnapshot.Reader> kept() {
        List<GroupSnapshot.Reader> kept = new ArrayList<>();
        readers.values().forEach(chains -> chains.values().forEach(reader -> kept.add(reader.kept())));
        return kept;
    }

    /** The key epoch this node's next chain takes. */
    long nextKeyEpoch() {
        return nextKeyEpoch;
    }

    /**
     * A restarted member's keys: the chains it read, and its own key epochs going on past the ones it granted — its
     * own chain is not kept, the next post rotates.
     */
    void restore(List<GroupSnapshot.Reader> kept, long keyEpochFrom) {
        for (GroupSnapshot.Reader reader : kept) {
            keep(readers.computeIfAbsent(reader.owner(), owner -> new TreeMap<>()),
                    SenderChain.Reader.restored(crypto, group, reader));
        }
        nextKeyEpoch = Math.max(nextKeyEpoch, keyEpochFrom);
    }

    /** A member left or was removed: its chains and held posts go. */
    void forget(NodeId member) {
        readers.remove(member);
        held.removeIf(post -> post.post().sender().equals(member));
    }

    @Override
    public int messagesHeld() {
        return held.size();
    }

    /** Posts held 24 hours for a key that never came go (lock 2); returns how many. */
    int purge(long now) {
        int before = held.size();
        held.removeIf(post -> now - post.heldAt() >= ProtocolConstants.MAX_AGE_MS);
        return before - held.size();
    }
}
