package org.tomprotocol.core.runtime;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.tomprotocol.api.GroupMessage;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.GroupsMachine;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.GroupSnapshot;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.store.Store;

/**
 * The groups' part of a node's store (docs/groups.md §10): each group's state, sealed to the node, under the group's
 * id in {@value #GROUPS}, and the group posts shown to the application in {@value #SHOWN}. A group's states are
 * written in order in the background, only its latest unwritten one waiting; at close, the node writes every group's
 * last state itself and removes the groups it left. Without a store, nothing is kept. Thread-safe.
 */
final class KeptGroups {
    static final String GROUPS = "groups";
    static final String SHOWN = "group-shown";
    private static final System.Logger LOG = System.getLogger(KeptGroups.class.getName());
    private static final byte FORMAT = 1;

    /** Something that makes a value to store (sealing it), on the store's thread. */
    interface Sealing {
        byte[] value() throws CryptoException;
    }

    private record Unwritten(Sealing sealing, long savedAt) {
    }

    /** What a restarted node finds: each group's sealed state, and the posts it had shown, by group. */
    record Loaded(List<byte[]> sealedStates, Map<String, List<GroupsMachine.Shown>> shown) {
        static final Loaded NOTHING = new Loaded(List.of(), Map.of());
    }

    /** {@code snapshot} sealed to this node ({@code local}, whose {@code signer} seals), when the store asks. */
    static Sealing sealed(EnvelopeSigner signer, NodeId local, GroupSnapshot snapshot) {
        return () -> signer.seal(local, snapshot.encode(), WireProfile.COMPACT);
    }

    /** A state {@link #sealed} to {@code identity}, opened and read back. */
    static GroupSnapshot opened(CryptoSuite crypto, LocalIdentity identity, byte[] sealed)
            throws CryptoException, WireException {
        return GroupSnapshot.decode(crypto.open(identity, EncryptedPayloadCodec.decode(sealed, WireProfile.COMPACT)));
    }

    private final Store store;
    /** Writes and removals of the groups' states, in order: a group's newer state never loses to an older one. */
    private final Executor writes;
    private final Metrics metrics;
    /** When each group's state written last was saved; also the lock of every write and of closing. */
    private final Map<String, Long> written = new HashMap<>();
    /** Each group's latest state not written yet. */
    private final Map<String, Unwritten> unwritten = new HashMap<>();
    /** Groups the node left whose state is not removed yet: removed at close at the latest. */
    private final Set<String> unforgotten = new HashSet<>();
    private boolean closed;

    KeptGroups(Store store, Executor writes, Metrics metrics) {
        this.store = store;
        this.writes = writes;
        this.metrics = metrics;
    }

    /**
     * Remembers a group post shown to the application for as long as the group could send it again (a day); returns
     * once durable. After a restart the group's inbox drops it: a post shown in the second before a crash (later than
     * the group's last kept state) is not shown twice.
     */
    void shown(GroupMessage message, long now) throws IOException {
        if (store == null) {
            return;
        }
        // a day from now, not from the sender's own timestamp: a member could set that anywhere
        store.put(SHOWN, message.group().value() + "/" + message.sender().toHex() + "/" + message.id().value(),
                new byte[]{FORMAT}, DurableState.expiry(now));
    }

    /** What the store holds at {@code at}: the groups' sealed states and the posts shown (keys written by {@link #shown}). */
    Loaded load(Instant at) throws IOException {
        if (store == null) {
            return Loaded.NOTHING;
        }
        List<byte[]> states = new ArrayList<>();
        for (String key : store.keys(GROUPS, at)) {
            store.get(GROUPS, key, at).ifPresent(states::add);
        }
        Map<String, List<GroupsMachine.Shown>> shown = new HashMap<>();
        for (String key : store.keys(SHOWN, at)) {
            String[] parts = key.split("/", 3);
            if (parts.length == 3) {
                shown.computeIfAbsent(parts[0], group -> new ArrayList<>())
                        .add(new GroupsMachine.Shown(NodeId.parse(parts[1]), new MessageId(parts[2])));
            }
        }
        return new Loaded(states, shown);
    }

    /**
     * Keeps a group's state, sealed by {@code sealing} on a worker, for a day (renewed while the group lives), in the
     * background and in order.
     */
    void keep(String group, Sealing sealing, long savedAt) {
        if (store == null) {
            return;
        }
        boolean queued;
        synchronized (written) {
            // only the latest state of a group waits: a slow store holds one snapshot per group, not a queue of them
            queued = unwritten.put(group, new Unwritten(sealing, savedAt)) != null;
            // back in a group it left (invited again): its new state must not be forgotten at close
            unforgotten.remove(group);
        }
        if (!queued) {
            writes.execute(() -> {
                Unwritten latest;
                synchronized (written) {
                    latest = unwritten.remove(group);
                }
                if (latest != null) {
                    write(group, latest.sealing(), latest.savedAt());
                }
            });
        }
    }

    /**
     * Keeps the groups' last states now, on the caller's thread: the node is closing, and the store closes next. A
     * state older than one already written for the group (a write still queued) is skipped, whichever runs last.
     */
    void keepNow(Map<String, Sealing> states, long savedAt) {
        if (store != null) {
            states.forEach((group, sealing) -> write(group, sealing, savedAt));
        }
    }

    private void write(String group, Sealing sealing, long savedAt) {
        synchronized (written) {
            Long last = written.get(group);
            if (closed || last != null && last > savedAt) {
                return;
            }
            try {
                store.put(GROUPS, group, sealing.value(), DurableState.expiry(savedAt));
                written.put(group, savedAt);
                metrics.increment("groups-kept");
            } catch (IOException | RuntimeException | CryptoException e) {
                metrics.increment("store-errors");
                LOG.log(Level.WARNING, "the node''s store could not keep a group''s state: {0}", e.getMessage());
            }
        }
    }

    /** The node left {@code group}: its state goes. */
    void forget(String group) {
        if (store == null) {
            return;
        }
        synchronized (written) {
            unwritten.remove(group);
            unforgotten.add(group);
        }
        writes.execute(() -> {
            synchronized (written) {
                written.remove(group);
                if (unforgotten.remove(group) && !closed) {
                    remove(group);
                }
            }
        });
    }

    /** The store closes next: the groups left are removed now, and nothing is written after. */
    void close() {
        synchronized (written) {
            // a group left just before closing must not come back at the next start
            unforgotten.forEach(this::remove);
            unforgotten.clear();
            closed = true;
        }
    }

    private void remove(String group) {
        try {
            store.remove(GROUPS, group);
        } catch (IOException | RuntimeException e) {
            metrics.increment("store-errors");
            LOG.log(Level.WARNING, "the node''s store could not forget a group: {0}", e.getMessage());
        }
    }
}
