package org.tomprotocol.core.wire;

import java.util.Arrays;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/** Reads a {@link GroupStatement} from its canonical form, refusing any other. */
final class GroupStatementReader {
    private GroupStatementReader() {
    }

    /**
     * A statement from its canonical form; anything else — an unknown kind, a field of the wrong type or size, a
     * non-canonical encoding, trailing bytes — is refused.
     */
    static GroupStatement decode(byte[] form) throws WireException {
        MsgpackReader reader = new MsgpackReader(form);
        GroupStatement statement = read(reader);
        reader.expectEnd("group statement");
        if (!Arrays.equals(statement.encode(), form)) {
            throw new WireException("non-canonical", "group statement not in its canonical form");
        }
        return statement;
    }

    private static GroupStatement read(MsgpackReader reader) throws WireException {
        int size = reader.arrayHeader(9, "group statement");
        String kind = reader.string(16, "kind");
        try {
            return switch (kind + "/" + size) {
                case "create/5" -> new GroupStatement.Create(reader.string(64, "group"), reader.string(GroupStatement.MAX_NAME_BYTES, "name"),
                        reader.nodeId("creator"), reader.unsigned(Long.MAX_VALUE, "at"));
                case "invite/7" -> readInvite(reader);
                case "join/3" -> {
                    reader.expectArray(7, "invite");
                    if (!reader.string(16, "kind").equals("invite")) {
                        throw new WireException("malformed", "a join carries an invite");
                    }
                    GroupStatement.Invite invite = readInvite(reader);
                    yield new GroupStatement.Join(invite, reader.bytes(GroupStatement.SIGNATURE_BYTES, "invite signature"));
                }
                case "leave/4" -> new GroupStatement.Leave(reader.string(64, "group"), reader.nodeId("member"),
                        reader.unsigned(Long.MAX_VALUE, "at"));
                case "remove/5" -> new GroupStatement.Remove(reader.string(64, "group"), reader.nodeId("member"), reader.nodeId("by"),
                        reader.unsigned(Long.MAX_VALUE, "at"));
                case "set-role/6" -> new GroupStatement.SetRole(reader.string(64, "group"), reader.nodeId("member"),
                        reader.bool("admin"), reader.nodeId("by"), reader.unsigned(Long.MAX_VALUE, "at"));
                case "post/9" -> new GroupStatement.Post(reader.string(64, "group"), reader.nodeId("sender"),
                        new MessageId(reader.string(MessageId.MAX_LENGTH, "id")), reader.unsigned(Long.MAX_VALUE, "at"),
                        reader.unsigned(Long.MAX_VALUE, "key_epoch"), reader.unsigned(Long.MAX_VALUE, "index"),
                        reader.bytes(64, "nonce"), reader.bytes(GroupStatement.MAX_CIPHERTEXT_BYTES, "ciphertext"));
                case "keys/7" -> readSenderKeys(reader);
                case "succession/7" -> new GroupStatement.Succession(reader.string(64, "group"),
                        reader.unsigned(GroupStatement.Succession.MAX_EPOCH, "epoch"), reader.nodeId("hub"),
                        reader.nodeIds(2, "next"), reader.unsigned(GroupStatement.Succession.MAX_VERSION, "version"),
                        reader.unsigned(Long.MAX_VALUE, "at"));
                case "claim/6" -> {
                    String group = reader.string(64, "group");
                    long epoch = reader.unsigned(Long.MAX_VALUE, "epoch");
                    NodeId claimant = reader.nodeId("claimant");
                    SignedGroupStatement succession = SignedGroupStatement.decode(reader.rawValue(1024, "succession"));
                    yield new GroupStatement.Claim(group, epoch, claimant, succession, reader.unsigned(Long.MAX_VALUE, "at"));
                }
                case "receipt/6" -> {
                    String group = reader.string(64, "group");
                    NodeId member = reader.nodeId("member");
                    NodeId sender = reader.nodeId("sender");
                    int count = reader.arrayHeader(GroupStatement.MAX_RECEIPTS, "messages");
                    java.util.List<MessageId> messages = new java.util.ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        messages.add(new MessageId(reader.string(MessageId.MAX_LENGTH, "message")));
                    }
                    yield new GroupStatement.Receipt(group, member, sender, messages, reader.unsigned(Long.MAX_VALUE, "at"));
                }
                default -> throw new WireException("malformed", "unknown group statement " + kind + " of " + size);
            };
        } catch (IllegalArgumentException e) {
            throw new WireException("malformed", e.getMessage());
        }
    }

    private static GroupStatement.SenderKeys readSenderKeys(MsgpackReader reader) throws WireException {
        String group = reader.string(64, "group");
        NodeId owner = reader.nodeId("owner");
        long keyEpoch = reader.unsigned(Long.MAX_VALUE, "key_epoch");
        long startIndex = reader.unsigned(Long.MAX_VALUE, "start_index");
        long at = reader.unsigned(Long.MAX_VALUE, "at");
        int count = reader.arrayHeader(64, "grants");
        java.util.List<GroupStatement.Grant> grants = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reader.expectArray(2, "grant");
            grants.add(new GroupStatement.Grant(reader.nodeId("member"), reader.bytes(GroupStatement.MAX_GRANT_BYTES, "sealed key")));
        }
        return new GroupStatement.SenderKeys(group, owner, keyEpoch, startIndex, at, grants);
    }

    private static GroupStatement.Invite readInvite(MsgpackReader reader) throws WireException {
        return new GroupStatement.Invite(reader.string(64, "group"), reader.nodeId("invitee"), reader.nodeId("inviter"),
                reader.unsigned(Long.MAX_VALUE, "issued_at"), reader.unsigned(Long.MAX_VALUE, "expires_at"),
                reader.bytes(GroupStatement.NONCE_BYTES, "nonce"));
    }
}
