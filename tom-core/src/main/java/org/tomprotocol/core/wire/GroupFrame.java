package org.tomprotocol.core.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.NodeId;

/**
 * What group envelopes carry (wire spec §14.2, docs/groups.md §7), always sealed to their recipient and signed by
 * their sender like a chat. The frames only move signed {@link SignedGroupStatement}s around — an invitation with the
 * group's history, a member's statement for the hub to order, the hub's ordered stream — so a hub or relay can delay
 * or drop them but never forge one. Each kind travels under one of Gen-2's group envelope types; the payloads are
 * this implementation's (Gen-2's carry no members' signatures).
 */
public sealed interface GroupFrame {
    /** Entries of a history or a stream frame, at most. */
    int MAX_ENTRIES = 1_000;

    /** The group it is about. */
    String group();

    /** The envelope type that carries it. */
    MessageType type();

    /** Its payload, before sealing. */
    byte[] encode();

    /** A statement at its place in a hub's stream: {@code [seq, ordered_at, signed statement]}. */
    record Ordered(long seq, long orderedAt, SignedGroupStatement item) {
        public Ordered {
            Objects.requireNonNull(item, "item");
        }

        void write(MsgpackWriter writer) {
            writer.arrayHeader(3).unsigned(seq).unsigned(orderedAt).raw(item.encode());
        }

        static Ordered read(MsgpackReader reader) throws WireException {
            reader.expectArray(3, "ordered statement");
            long seq = reader.unsigned(Long.MAX_VALUE, "seq");
            long orderedAt = reader.unsigned(Long.MAX_VALUE, "ordered_at");
            byte[] item = reader.rawValue(SignedGroupStatement.MAX_STATEMENT_BYTES + 128, "statement");
            return new Ordered(seq, orderedAt, SignedGroupStatement.decode(item));
        }
    }

    /**
     * An admin invites this node ({@code GroupInvite}): the signed invitation, and the group's membership history
     * from its founding so the invitee can check the inviter's authority before it answers.
     */
    record Invitation(String group, NodeId hub, long epoch, List<Ordered> history, SignedGroupStatement invite)
            implements GroupFrame {
        public Invitation {
            Objects.requireNonNull(hub, "hub");
            history = List.copyOf(history);
            Objects.requireNonNull(invite, "invite");
        }

        @Override
        public MessageType type() {
            return MessageType.GroupInvite;
        }

        @Override
        public byte[] encode() {
            MsgpackWriter writer = new MsgpackWriter().arrayHeader(5).string(group).nodeId(hub).unsigned(epoch);
            writeAll(writer, history);
            return writer.raw(invite.encode()).toByteArray();
        }
    }

    /** A member asks the hub to order one of its statements ({@code GroupMessage}): a post, keys, a change. */
    record Submit(String group, SignedGroupStatement item) implements GroupFrame {
        public Submit {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public MessageType type() {
            return MessageType.GroupMessage;
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(2).string(group).raw(item.encode()).toByteArray();
        }
    }

    /**
     * The hub to a member that just joined ({@code GroupSync}): the membership history up to its join, and the
     * place its stream starts at.
     */
    record Welcome(String group, NodeId hub, long epoch, List<Ordered> history, long nextSeq) implements GroupFrame {
        public Welcome {
            Objects.requireNonNull(hub, "hub");
            history = List.copyOf(history);
        }

        @Override
        public MessageType type() {
            return MessageType.GroupSync;
        }

        @Override
        public byte[] encode() {
            MsgpackWriter writer = new MsgpackWriter().arrayHeader(5).string(group).nodeId(hub).unsigned(epoch);
            writeAll(writer, history);
            return writer.unsigned(nextSeq).toByteArray();
        }
    }

    /**
     * The hub's ordered stream to a member ({@code GroupSyncResponse}): entries in order, with the first place the
     * hub still keeps and its last one, so a member learns of a gap, or of what it can no longer get.
     */
    record Stream(String group, long epoch, long firstKept, long lastSeq, List<Ordered> entries) implements GroupFrame {
        public Stream {
            entries = List.copyOf(entries);
        }

        @Override
        public MessageType type() {
            return MessageType.GroupSyncResponse;
        }

        @Override
        public byte[] encode() {
            MsgpackWriter writer = new MsgpackWriter().arrayHeader(5).string(group).unsigned(epoch).unsigned(firstKept)
                    .unsigned(lastSeq);
            writeAll(writer, entries);
            return writer.toByteArray();
        }
    }

    /**
     * A member tells the hub the next place it expects ({@code GroupSyncRequest}): a cumulative acknowledgement,
     * and with {@code gap} a request to send what follows it now.
     */
    record StreamAck(String group, long epoch, long nextSeq, boolean gap) implements GroupFrame {
        @Override
        public MessageType type() {
            return MessageType.GroupSyncRequest;
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(4).string(group).unsigned(epoch).unsigned(nextSeq).bool(gap)
                    .toByteArray();
        }
    }

    /**
     * A member's signed receipt for posts of one sender ({@code GroupDeliveryAck}): to the hub, which passes it on
     * unchanged to the sender; the posts are delivered to that member (lock 1, per member) on the member's own
     * signature.
     */
    record Receipt(String group, SignedGroupStatement receipt) implements GroupFrame {
        public Receipt {
            Objects.requireNonNull(receipt, "receipt");
        }

        @Override
        public MessageType type() {
            return MessageType.GroupDeliveryAck;
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(2).string(group).raw(receipt.encode()).toByteArray();
        }
    }

    /**
     * A member's post sent by its author straight to another member ({@code GroupPostCopy}, this implementation's
     * addition) while the hub orders it: the member shows it one hop sooner and drops the hub's copy when it comes.
     */
    record PostCopy(String group, SignedGroupStatement item) implements GroupFrame {
        public PostCopy {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public MessageType type() {
            return MessageType.GroupPostCopy;
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(2).string(group).raw(item.encode()).toByteArray();
        }
    }

    /** A node takes the group over under a newer hub epoch ({@code GroupHubMigration}): its signed claim. */
    record HubClaim(String group, SignedGroupStatement claim) implements GroupFrame {
        public HubClaim {
            Objects.requireNonNull(claim, "claim");
        }

        @Override
        public MessageType type() {
            return MessageType.GroupHubMigration;
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(2).string(group).raw(claim.encode()).toByteArray();
        }
    }

    /** Whether envelopes of {@code type} carry group frames. */
    static boolean carries(MessageType type) {
        return switch (type) {
            case GroupInvite, GroupMessage, GroupSync, GroupSyncResponse, GroupSyncRequest, GroupDeliveryAck,
                 GroupHubMigration, GroupPostCopy -> true;
            default -> false;
        };
    }

    /** The frame a {@code type} envelope's opened payload holds; anything malformed or not canonical is refused. */
    static GroupFrame decode(MessageType type, byte[] payload) throws WireException {
        MsgpackReader reader = new MsgpackReader(payload);
        GroupFrame frame = switch (type) {
            case GroupInvite -> {
                reader.expectArray(5, "group invitation");
                String group = group(reader);
                NodeId hub = reader.nodeId("hub");
                long epoch = reader.unsigned(Long.MAX_VALUE, "epoch");
                List<Ordered> history = readAll(reader, "history");
                byte[] invite = reader.rawValue(SignedGroupStatement.MAX_STATEMENT_BYTES, "invite");
                yield new Invitation(group, hub, epoch, history, SignedGroupStatement.decode(invite));
            }
            case GroupMessage -> {
                reader.expectArray(2, "group submission");
                String group = group(reader);
                byte[] item = reader.rawValue(SignedGroupStatement.MAX_STATEMENT_BYTES + 128, "statement");
                yield new Submit(group, SignedGroupStatement.decode(item));
            }
            case GroupSync -> {
                reader.expectArray(5, "group welcome");
                yield new Welcome(group(reader), reader.nodeId("hub"), reader.unsigned(Long.MAX_VALUE, "epoch"),
                        readAll(reader, "history"), reader.unsigned(Long.MAX_VALUE, "next_seq"));
            }
            case GroupSyncResponse -> {
                reader.expectArray(5, "group stream");
                yield new Stream(group(reader), reader.unsigned(Long.MAX_VALUE, "epoch"),
                        reader.unsigned(Long.MAX_VALUE, "first_kept"), reader.unsigned(Long.MAX_VALUE, "last_seq"),
                        readAll(reader, "entries"));
            }
            case GroupSyncRequest -> {
                reader.expectArray(4, "group stream acknowledgement");
                yield new StreamAck(group(reader), reader.unsigned(Long.MAX_VALUE, "epoch"),
                        reader.unsigned(Long.MAX_VALUE, "next_seq"), reader.bool("gap"));
            }
            case GroupDeliveryAck -> {
                reader.expectArray(2, "group receipt");
                String group = group(reader);
                byte[] receipt = reader.rawValue(SignedGroupStatement.MAX_STATEMENT_BYTES, "receipt");
                yield new Receipt(group, SignedGroupStatement.decode(receipt));
            }
            case GroupPostCopy -> {
                reader.expectArray(2, "group post copy");
                String group = group(reader);
                byte[] item = reader.rawValue(SignedGroupStatement.MAX_STATEMENT_BYTES + 128, "post");
                yield new PostCopy(group, SignedGroupStatement.decode(item));
            }
            case GroupHubMigration -> {
                reader.expectArray(2, "group hub claim");
                String group = group(reader);
                byte[] claim = reader.rawValue(4096, "claim");
                yield new HubClaim(group, SignedGroupStatement.decode(claim));
            }
            default -> throw new WireException("unsupported-type", type + " carries no group frame");
        };
        reader.expectEnd("group frame");
        if (!Arrays.equals(frame.encode(), payload)) {
            throw new WireException("non-canonical", "group frame not in its canonical form");
        }
        return frame;
    }

    private static String group(MsgpackReader reader) throws WireException {
        String group = reader.string(64, "group");
        if (!GroupStatement.GROUP_ID.matcher(group).matches()) {
            throw new WireException("malformed", "a group id is grp- and a lowercase UUID");
        }
        return group;
    }

    private static void writeAll(MsgpackWriter writer, List<Ordered> entries) {
        writer.arrayHeader(entries.size());
        for (Ordered entry : entries) {
            entry.write(writer);
        }
    }

    private static List<Ordered> readAll(MsgpackReader reader, String what) throws WireException {
        int count = reader.arrayHeader(MAX_ENTRIES, what);
        List<Ordered> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(Ordered.read(reader));
        }
        return entries;
    }
}
