package org.tomprotocol.core.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.OutboundState;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.spi.store.Store;
import org.tomprotocol.spi.store.StoreProvider;

/**
 * What a node with a data directory and a store keeps across a restart: the outbox (every accepted message,
 * sealed, until it is delivered or its 24 h are over), the copies it holds for other nodes' offline recipients
 * (until delivered or expired), the messages it delivered (so a copy that comes again
 * after a restart is acknowledged, never delivered twice) and the peers it knew (so it rejoins without being told
 * a bootstrap peer again), and its groups ({@link KeptGroups}). Every entry expires with the message or the knowledge
 * it holds: nothing outlives 24 h (lock 2), and a store holds no plaintext. Without a store, nothing is kept: the node is in memory only.
 *
 * <p>Writes a sender waits for (an accepted message, a delivery) run on the caller's thread; the others (an ended
 * message, the peer book, purges) on the node's workers. Never on the agent thread.
 */
final class DurableState implements AutoCloseable {
    static final String OUTBOX = "outbox";
    static final String DELIVERED = "delivered";
    static final String PEERS = "peers";
    static final String BACKUPS = "backups";
    private static final System.Logger LOG = System.getLogger(DurableState.class.getName());
    private static final int FORMAT = 1;

    private final Store store;
    private final Executor background;
    /** Writes and removals of copies held for others, in order: a removal never overtakes its write. */
    private final Executor copies;
    private final KeptGroups groups;
    private final Metrics metrics;

    private final GroupCommit outbox;

    private DurableState(Store store, Executor background, Metrics metrics) {
        this.store = store;
        this.outbox = store == null ? null : new GroupCommit(store, OUTBOX);
        this.background = background;
        this.copies = new SerialExecutor(background);
        this.groups = new KeptGroups(store, new SerialExecutor(background), metrics);
        this.metrics = metrics;
    }

    /** The state kept in {@code dataDir} by the first usable store, or nothing without either. */
    static DurableState open(Optional<Path> dataDir, List<StoreProvider> stores, Executor background,
                             Metrics metrics) {

        if (dataDir.isEmpty() || stores.isEmpty()) {
            return new DurableState(null, background, metrics);
        }
        StoreProvider provider = stores.get(0);
        try {
            return new DurableState(provider.open(dataDir.get()), background, metrics);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException("the " + provider.id() + " store in " + dataDir.get()
                    + " cannot be opened: " + e.getMessage(), e);
        }
    }

    boolean isDurable() {
        return store != null;
    }

    /** The groups' states and the group posts shown, in this store. */
    KeptGroups groups() {
        return groups;
    }

    /**
     * Keeps an accepted message until it ends; returns once it is durable. Senders that call at the same time share
     * a flush: see {@link GroupCommit}.
     */
    void accept(MessageId id, NodeId recipient, long timestamp, byte[] sealedPayload) throws IOException {
        if (store == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sealedPayload.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.write(recipient.toBytes());
            out.writeLong(timestamp);
            out.writeInt(sealedPayload.length);
            out.write(sealedPayload);
        }
        outbox.put(id.value(), bytes.toByteArray(), expiry(timestamp));
    }

    /** The message was delivered, or its lifetime ended: it leaves the outbox. */
    void ended(MessageId id) {
        inBackground("remove an ended message", () -> store.remove(OUTBOX, id.value()));
    }

    /** Remembers a delivered message for as long as a copy of it would be accepted; returns once durable. */
    void delivered(NodeId from, MessageId id, long timestamp) throws IOException {
        if (store == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.write(from.toBytes());
            out.writeLong(timestamp);
            out.writeUTF(id.value());
        }
        store.put(DELIVERED, from.toHex() + "/" + id.value(), bytes.toByteArray(), expiry(timestamp));
    }

    /**
     * Keeps a copy held for another node until its message's 24 h are over, in the background; {@code done} learns
     * whether it is durable.
     */
    void keepCopy(BackupCopy copy, java.util.function.Consumer<Boolean> done) {
        copies.execute(() -> {
            boolean kept;
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(copy.sealedPayload().length + 512);
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeByte(FORMAT);
                    out.write(copy.encode());
                }
                store.put(BACKUPS, copyKey(copy.sender(), copy.id()), bytes.toByteArray(), expiry(copy.timestamp()));
                kept = true;
            } catch (IOException | RuntimeException e) {
                metrics.increment("store-errors");
                LOG.log(Level.WARNING, "the node''s store could not keep a backup copy: {0}", e.getMessage());
                kept = false;
            }
            done.accept(kept);
        });
    }

    /** A copy held for another node is no longer needed. */
    void dropCopy(NodeId sender, MessageId id) {
        if (store == null) {
            return;
        }
        copies.execute(() -> {
            try {
                store.remove(BACKUPS, copyKey(sender, id));
            } catch (IOException | RuntimeException e) {
                metrics.increment("store-errors");
                LOG.log(Level.WARNING, "the node''s store could not remove a backup copy: {0}", e.getMessage());
            }
        });
    }

    /** A copy is known by its sender and id: another sender's message under the same id is another copy. */
    private static String copyKey(NodeId sender, MessageId id) {
        return sender.toHex() + "/" + id.value();
    }

    /** Keeps the peers known now, with their addresses, for a day. */
    void peers(List<PeerAddress> peers, long now) {
        if (peers.isEmpty()) {
            return;
        }
        // the whole book in one batch: one flush a minute, not one per peer
        inBackground("keep the peer book", () -> {
            Store.Batch book = store.batch();
            for (PeerAddress peer : peers) {
                String addresses = String.join("\n", peer.addresses().stream().map(TransportAddress::toString).toList());
                book.put(PEERS, peer.id().toHex(), addresses.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        expiry(now));
            }
            book.commit();
        });
    }

    /** Deletes what expired. */
    void purge(long now) {
        inBackground("purge expired entries", () -> store.purgeExpired(Instant.ofEpochMilli(now)));
    }

    /** What a restarted node finds: its unfinished messages, the messages it delivered and the peers it knew. */
    record Resumed(List<OutboundState> outbox, List<Delivered> delivered, List<PeerAddress> peers,
                   List<BackupCopy> copies, KeptGroups.Loaded groups) {
        static final Resumed NOTHING = new Resumed(List.of(), List.of(), List.of(), List.of(),
                KeptGroups.Loaded.NOTHING);
    }

    /** A message delivered before the restart. */
    record Delivered(NodeId from, MessageId id, long timestamp) {
    }

    Resumed load(long now) {
        if (store == null) {
            return Resumed.NOTHING;
        }
        Instant at = Instant.ofEpochMilli(now);
        List<OutboundState> outbox = new ArrayList<>();
        List<Delivered> delivered = new ArrayList<>();
        List<PeerAddress> peers = new ArrayList<>();
        List<BackupCopy> copies = new ArrayList<>();
        try {
            for (String key : store.keys(OUTBOX, at)) {
                Optional<byte[]> value = store.get(OUTBOX, key, at);
                if (value.isPresent()) {
                    outbox.add(outboxEntry(key, value.get()));
                }
            }
            for (String key : store.keys(DELIVERED, at)) {
                Optional<byte[]> value = store.get(DELIVERED, key, at);
                if (value.isPresent()) {
                    delivered.add(deliveredEntry(value.get()));
                }
            }
            for (String key : store.keys(BACKUPS, at)) {
                Optional<byte[]> value = store.get(BACKUPS, key, at);
                if (value.isPresent()) {
                    copies.add(copyEntry(value.get()));
                }
            }
            for (String key : store.keys(PEERS, at)) {
                Optional<byte[]> value = store.get(PEERS, key, at);
                if (value.isPresent()) {
                    peerEntry(key, value.get()).ifPresent(peers::add);
                }
            }
            return new Resumed(outbox, delivered, peers, copies, groups.load(at));
        } catch (IOException e) {
            throw new UncheckedIOException("the node's store could not be read: " + e.getMessage(), e);
        }
    }

    private static OutboundState outboxEntry(String key, byte[] value) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            checkFormat(in.readUnsignedByte());
            NodeId recipient = NodeId.of(in.readNBytes(NodeId.LENGTH));
            long timestamp = in.readLong();
            byte[] sealed = in.readNBytes(in.readInt());
            return OutboundState.sealed(new MessageId(key), recipient, sealed, timestamp, null);
        }
    }

    private static BackupCopy copyEntry(byte[] value) throws IOException {
        checkFormat(value.length == 0 ? -1 : value[0] & 0xff);
        try {
            return BackupCopy.decode(java.util.Arrays.copyOfRange(value, 1, value.length));
        } catch (org.tomprotocol.core.wire.WireException e) {
            throw new IOException("a backup copy that does not decode: " + e.getMessage(), e);
        }
    }

    private static Delivered deliveredEntry(byte[] value) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            checkFormat(in.readUnsignedByte());
            NodeId from = NodeId.of(in.readNBytes(NodeId.LENGTH));
            long timestamp = in.readLong();
            return new Delivered(from, new MessageId(in.readUTF()), timestamp);
        }
    }

    private static Optional<PeerAddress> peerEntry(String key, byte[] value) {
        List<TransportAddress> addresses = new String(value, java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).map(TransportAddress::parse).toList();
        return addresses.isEmpty() ? Optional.empty() : Optional.of(new PeerAddress(NodeId.parse(key), addresses));
    }

    private static void checkFormat(int format) throws IOException {
        if (format != FORMAT) {
            throw new IOException("an entry of format " + format + " (this node reads format " + FORMAT + ")");
        }
    }

    static Instant expiry(long timestamp) {
        return Instant.ofEpochMilli(timestamp + ProtocolConstants.MESSAGE_LIFETIME_MS);
    }

    private interface StoreWork {
        void run() throws IOException;
    }

    private void inBackground(String what, StoreWork work) {
        if (store == null) {
            return;
        }
        background.execute(() -> {
            try {
                work.run();
            } catch (IOException | UncheckedIOException e) {
                metrics.increment("store-errors");
                LOG.log(Level.WARNING, "the node''s store could not {0}: {1}", what, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        if (store == null) {
            return;
        }
        groups.close();
        try {
            store.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the node''s store did not close cleanly: {0}", e.getMessage());
        }
    }
}
