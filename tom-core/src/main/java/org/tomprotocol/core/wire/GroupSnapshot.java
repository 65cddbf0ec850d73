package org.tomprotocol.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.NodeId;

/**
 * One group as a member keeps it in its store across a restart (docs/groups.md §10): never sent to another node, and
 * kept only sealed to the node's own key — it holds the chain keys that read the other members' posts. Its membership
 * is its signed history, verified again when it is read back. The member's own sender chain is not in it: a restarted
 * member starts a fresh one (after {@code nextKeyEpoch}), so a copy of the store never writes as the member.
 *
 * <p>{@code [format, group, hub, epoch, next_seq, next_key_epoch, saved_at, [ordered...], succession | nil,
 * [[owner, key_epoch, next_index, chain_key, [[index, key]...]]...]]}, in the compact profile.
 *
 * @param group        the group id
 * @param hub          the hub this member followed
 * @param epoch        that hub's epoch
 * @param nextSeq      the next place this member expected in the hub's stream
 * @param nextKeyEpoch the key epoch this member's next chain must take (above every one it granted)
 * @param savedAt      when it was written
 * @param history      the signed membership history from the founding
 * @param succession   the hub's signed succession for the epoch, or {@code null}
 * @param readers      the other members' chains, where this member stands in each
 */
public record GroupSnapshot(String group, NodeId hub, long epoch, long nextSeq, long nextKeyEpoch,
                            long savedAt, List<GroupFrame.Ordered> history, SignedGroupStatement succession,
                            List<Reader> readers) {
    /** The form this node writes and reads. */
    public static final int FORMAT = 1;
    /** History entries read back, at most. */
    public static final int MAX_HISTORY = 100_000;
    /** Chains read, at most: two key epochs of every member of the largest group. */
    public static final int MAX_READERS = 2 * 1_000;

    public GroupSnapshot {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(hub, "hub");
        history = List.copyOf(history);
        readers = List.copyOf(readers);
    }

    /**
     * Another member's chain in one key epoch, as this member reads it: the chain key at {@code nextIndex}, and the
     * message keys of the places it skipped whose message has not come yet.
     */
    public record Reader(NodeId owner, long keyEpoch, long nextIndex, byte[] chainKey, List<SkippedKey> skipped) {
        public Reader {
            Objects.requireNonNull(owner, "owner");
            chainKey = chainKey.clone();
            skipped = List.copyOf(skipped);
        }
    }

    /** The message key of a place skipped over. */
    public record SkippedKey(long index, byte[] key) {
        public SkippedKey {
            key = key.clone();
        }
    }

    public byte[] encode() {
        MsgpackWriter writer = new MsgpackWriter(WireProfile.COMPACT).arrayHeader(9).unsigned(FORMAT).string(group)
                .nodeId(hub).unsigned(epoch).unsigned(nextSeq).unsigned(nextKeyEpoch).unsigned(savedAt);
        writer.arrayHeader(history.size());
        history.forEach(entry -> entry.write(writer));
        if (succession == null) {
            writer.nil();
        } else {
            writer.raw(succession.encode());
        }
        writer.arrayHeader(readers.size());
        for (Reader reader : readers) {
            writer.arrayHeader(5).nodeId(reader.owner()).unsigned(reader.keyEpoch()).unsigned(reader.nextIndex())
                    .bytes(reader.chainKey()).arrayHeader(reader.skipped().size());
            reader.skipped().forEach(skipped -> writer.arrayHeader(2).unsigned(skipped.index()).bytes(skipped.key()));
        }
        return writer.toByteArray();
    }

    /** The snapshot {@link #encode} wrote; a value of another format, or malformed, is refused. */
    public static GroupSnapshot decode(byte[] stored) throws WireException {
        MsgpackReader reader = new MsgpackReader(stored, WireProfile.COMPACT);
        reader.expectArray(9, "group snapshot");
        long format = reader.unsigned(Long.MAX_VALUE, "format");
        if (format != FORMAT) {
            throw new WireException("unsupported-format", "a group snapshot of format " + format + " (this node reads "
                    + FORMAT + ")");
        }
        String group = reader.string(64, "group");
        NodeId hub = reader.nodeId("hub");
        long epoch = reader.unsigned(Long.MAX_VALUE, "epoch");
        long nextSeq = reader.unsigned(Long.MAX_VALUE, "next_seq");
        long nextKeyEpoch = reader.unsigned(Long.MAX_VALUE, "next_key_epoch");
        long savedAt = reader.unsigned(Long.MAX_VALUE, "saved_at");
        // a long-lived group's history may outgrow what a frame carries (compaction is to come): read it all
        int entries = reader.arrayHeader(MAX_HISTORY, "history");
        List<GroupFrame.Ordered> history = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            history.add(GroupFrame.Ordered.read(reader));
        }
        SignedGroupStatement succession = reader.tryNil() ? null
                : SignedGroupStatement.decode(reader.rawValue(SignedGroupStatement.MAX_STATEMENT_BYTES, "succession"));
        int count = reader.arrayHeader(MAX_READERS, "readers");
        List<Reader> readers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reader.expectArray(5, "reader");
            NodeId owner = reader.nodeId("owner");
            long keyEpoch = reader.unsigned(Long.MAX_VALUE, "key_epoch");
            long nextIndex = reader.unsigned(Long.MAX_VALUE, "next_index");
            byte[] chainKey = reader.bytes(64, "chain_key");
            int skippedCount = reader.arrayHeader(1_024, "skipped");
            List<SkippedKey> skipped = new ArrayList<>(skippedCount);
            for (int j = 0; j < skippedCount; j++) {
                reader.expectArray(2, "skipped key");
                skipped.add(new SkippedKey(reader.unsigned(Long.MAX_VALUE, "index"), reader.bytes(64, "key")));
            }
            readers.add(new Reader(owner, keyEpoch, nextIndex, chainKey, skipped));
        }
        reader.expectEnd("group snapshot");
        return new GroupSnapshot(group, hub, epoch, nextSeq, nextKeyEpoch, savedAt, history, succession,
                readers);
    }
}
