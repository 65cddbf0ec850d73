package org.tomprotocol.core.wire;

import java.util.Arrays;
import java.util.Objects;

import org.tomprotocol.api.NodeId;

/**
 * What a group message's ciphertext holds (docs/groups.md §4): {@code [group, sender, key_epoch, index, body]}. The
 * header travels inside the AEAD, so a ciphertext taken from another group, sender, key or place fails the check
 * after decryption — the binding an AEAD's associated data would give.
 */
public record GroupPlaintext(String group, NodeId sender, long keyEpoch, long index, byte[] body) {
    public GroupPlaintext {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(sender, "sender");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public byte[] encode() {
        return new MsgpackWriter().arrayHeader(5).string(group).nodeId(sender).unsigned(keyEpoch).unsigned(index)
                .bytes(body).toByteArray();
    }

    public static GroupPlaintext decode(byte[] form, int maxBodyBytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(form);
        reader.expectArray(5, "group plaintext");
        GroupPlaintext plaintext = new GroupPlaintext(reader.string(64, "group"), reader.nodeId("sender"),
                reader.unsigned(Long.MAX_VALUE, "key_epoch"), reader.unsigned(Long.MAX_VALUE, "index"),
                reader.bytes(maxBodyBytes, "body"));
        reader.expectEnd("group plaintext");
        if (!Arrays.equals(plaintext.encode(), form)) {
            throw new WireException("non-canonical", "group plaintext not in its canonical form");
        }
        return plaintext;
    }
}
