package org.tomprotocol.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/**
 * What someone with the authority for it says about a group's membership (docs/groups.md §3): each is signed by its
 * {@link #author()} over {@link #signingBytes()} — a domain string, then the statement's canonical MessagePack form —
 * so that members that did not receive it from its author can check it, and a signature for one kind of statement
 * can never pass as another's. The form is {@code [kind, fields…]} in the reference profile.
 */
public sealed interface GroupStatement {
    /** A group id: {@code grp-} and a lowercase UUID, as Gen-2 names groups. */
    Pattern GROUP_ID = Pattern.compile("grp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    int MAX_NAME_BYTES = 64;
    int NONCE_BYTES = 16;
    int SIGNATURE_BYTES = 64;
    /** A sender-key grant: one chain key sealed to one member with the tom-v1 seal. */
    int MAX_GRANT_BYTES = 512;
    /** A post's ciphertext, at most: a 16 KiB body, its header and the AEAD tag. */
    int MAX_CIPHERTEXT_BYTES = 17 * 1024;
    /** How long an invitation may stay valid: 24 hours (lock 2). */
    long MAX_INVITE_LIFETIME_MS = 24 * 60 * 60 * 1000L;

    /** The group it is about. */
    String group();

    /** Who signs it. */
    NodeId author();

    /** Its kind, first on the wire and in its signing domain. */
    String kind();

    /** Its canonical form, {@code [kind, fields…]}. */
    byte[] encode();

    /** What its author signs: {@code "tom-group-<kind>-v1" ‖ 0x00 ‖} its canonical form. */
    default byte[] signingBytes() {
        byte[] domain = ("tom-group-" + kind() + "-v1").getBytes(StandardCharsets.US_ASCII);
        byte[] form = encode();
        byte[] signing = Arrays.copyOf(domain, domain.length + 1 + form.length);
        System.arraycopy(form, 0, signing, domain.length + 1, form.length);
        return signing;
    }

    /** The group's founding statement: its creator is its first admin. */
    record Create(String group, String name, NodeId creator, long at) implements GroupStatement {
        public Create {
            requireGroup(group);
            Objects.requireNonNull(creator, "creator");
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new IllegalArgumentException("a group name is at most " + MAX_NAME_BYTES + " bytes");
            }
        }

        @Override
        public NodeId author() {
            return creator;
        }

        @Override
        public String kind() {
            return "create";
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(5).string(kind()).string(group).string(name).nodeId(creator)
                    .unsigned(at).toByteArray();
        }
    }

    /** An admin invites one node, for a limited time; the nonce makes each invitation usable once. */
    record Invite(String group, NodeId invitee, NodeId inviter, long issuedAt, long expiresAt, byte[] nonce)
            implements GroupStatement {
        public Invite {
            requireGroup(group);
            Objects.requireNonNull(invitee, "invitee");
            Objects.requireNonNull(inviter, "inviter");
            if (nonce.length != NONCE_BYTES) {
                throw new IllegalArgumentException("an invitation nonce is " + NONCE_BYTES + " bytes");
            }
            nonce = nonce.clone();
        }

        @Override
        public NodeId author() {
            return inviter;
        }

        @Override
        public String kind() {
            return "invite";
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(7).string(kind()).string(group).nodeId(invitee).nodeId(inviter)
                    .unsigned(issuedAt).unsigned(expiresAt).bytes(nonce).toByteArray();
        }
    }

    /** The invitee takes its invitation: the invitation travels with its inviter's signature. */
    record Join(Invite invite, byte[] inviteSignature) implements GroupStatement {
        public Join {
            Objects.requireNonNull(invite, "invite");
            if (inviteSignature.length != SIGNATURE_BYTES) {
                throw new IllegalArgumentException("a signature is " + SIGNATURE_BYTES + " bytes");
            }
            inviteSignature = inviteSignature.clone();
        }

        @Override
        public String group() {
            return invite.group();
        }

        @Override
        public NodeId author() {
            return invite.invitee();
        }

        @Override
        public String kind() {
            return "join";
        }

        @Override
        public byte[] inviteSignature() {
            return inviteSignature.clone();
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(3).string(kind()).raw(invite.encode()).bytes(inviteSignature)
                    .toByteArray();
        }
    }

    /** A member leaves, by its own word. */
    record Leave(String group, NodeId member, long at) implements GroupStatement {
        public Leave {
            requireGroup(group);
            Objects.requireNonNull(member, "member");
        }

        @Override
        public NodeId author() {
            return member;
        }

        @Override
        public String kind() {
            return "leave";
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(4).string(kind()).string(group).nodeId(member).unsigned(at)
                    .toByteArray();
        }
    }

    /** An admin removes a member. */
    record Remove(String group, NodeId member, NodeId by, long at) implements GroupStatement {
        public Remove {
            requireGroup(group);
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(by, "by");
        }

        @Override
        public NodeId author() {
            return by;
        }

        @Override
        public String kind() {
            return "remove";
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(5).string(kind()).string(group).nodeId(member).nodeId(by)
                    .unsigned(at).toByteArray();
        }
    }

    /** An admin makes a member an admin, or an admin a plain member. */
    record SetRole(String group, NodeId member, boolean admin, NodeId by, long at) implements GroupStatement {
        public SetRole {
            requireGroup(group);
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(by, "by");
        }

        @Override
        public NodeId author() {
            return by;
        }

        @Override
        public String kind() {
            return "set-role";
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(6).string(kind()).string(group).nodeId(member).bool(admin)
                    .nodeId(by).unsigned(at).toByteArray();
        }
    }

    /**
     * A member's message to the group (docs/groups.md §4): its body encrypted under the sender's chain at
     * {@code (keyEpoch, index)}, signed by the sender so that every member — not only the hub — knows who wrote it.
     */
    record Post(String group, NodeId sender, MessageId id, long at, long keyEpoch, long index, byte[] nonce,
                byte[] ciphertext) implements GroupStatement {
        public Post {
            requireGroup(group);
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(id, "id");
            nonce = nonce.clone();
            ciphertext = ciphertext.clone();
        }

        @Override
        public NodeId author() {
            return sender;
        }

        @Override
        public String kind() {
            return "post";
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(9).string(kind()).string(group).nodeId(sender).string(id.value())
                    .unsigned(at).unsigned(keyEpoch).unsigned(index).bytes(nonce).bytes(ciphertext).toByteArray();
        }
    }

    /** One member's copy of a sender's chain key, sealed to that member. */
    record Grant(NodeId member, byte[] sealedKey) {
        public Grant {
            Objects.requireNonNull(member, "member");
            if (sealedKey.length > MAX_GRANT_BYTES) {
                throw new IllegalArgumentException("a sealed sender key is at most " + MAX_GRANT_BYTES + " bytes");
            }
            sealedKey = sealedKey.clone();
        }

        @Override
        public byte[] sealedKey() {
            return sealedKey.clone();
        }
    }

    /**
     * A member hands its sender chain from {@code startIndex} on to the members named in the grants (docs/groups.md
     * §4): to all of them with a new key epoch (a rotation: who is not named reads nothing sent under it), or to a
     * newcomer for the epoch in use (the newcomer reads from that place on, nothing before).
     */
    record SenderKeys(String group, NodeId owner, long keyEpoch, long startIndex, long at, java.util.List<Grant> grants)
            implements GroupStatement {
        public SenderKeys {
            requireGroup(group);
            Objects.requireNonNull(owner, "owner");
            grants = java.util.List.copyOf(grants);
            if (grants.size() > 64) {
                throw new IllegalArgumentException("a key distribution names at most 64 members");
            }
        }

        @Override
        public NodeId author() {
            return owner;
        }

        @Override
        public String kind() {
            return "keys";
        }

        @Override
        public byte[] encode() {
            MsgpackWriter writer = new MsgpackWriter().arrayHeader(7).string(kind()).string(group).nodeId(owner)
                    .unsigned(keyEpoch).unsigned(startIndex).unsigned(at).arrayHeader(grants.size());
            for (Grant grant : grants) {
                writer.arrayHeader(2).nodeId(grant.member()).bytes(grant.sealedKey());
            }
            return writer.toByteArray();
        }
    }

    /**
     * The hub of {@code epoch} names who takes over if it dies (docs/groups.md §5): {@code next.get(0)} (the shadow)
     * and {@code next.get(1)} (the candidate) may each claim the epoch {@link #epochFor} gives them. Only the hub of
     * that epoch can sign one, and each place of each version leads to an epoch of its own, so an epoch never has two
     * hubs — not even a successor the hub replaced and its replacement.
     */
    record Succession(String group, long epoch, NodeId hub, java.util.List<NodeId> next, long version, long at)
            implements GroupStatement {
        /** The highest version a hub may give a succession: keeps every epoch a claim can name far from overflow. */
        public static final long MAX_VERSION = 1L << 31;
        /** The highest epoch a succession may be signed for, for the same reason. */
        public static final long MAX_EPOCH = Long.MAX_VALUE / 2;

        public Succession {
            requireGroup(group);
            Objects.requireNonNull(hub, "hub");
            next = java.util.List.copyOf(next);
            if (next.size() > 2 || next.contains(hub)) {
                throw new IllegalArgumentException("a succession names at most two nodes, not the hub");
            }
            if (version < 1 || version > MAX_VERSION) {
                throw new IllegalArgumentException("a succession's version is 1 to " + MAX_VERSION + ", not " + version);
            }
            if (epoch < 0 || epoch > MAX_EPOCH) {
                throw new IllegalArgumentException("a succession's epoch is 0 to " + MAX_EPOCH + ", not " + epoch);
            }
        }

        /**
         * The epoch {@code successor} may claim on this succession, or -1 if it does not name it:
         * {@code epoch + 1 + place + 2 × (version − 1)}. A hub that replaces a successor (one gone silent, perhaps only
         * cut off by a partition) signs a higher version, whose places lead to higher epochs: the replaced successor,
         * still holding the older warrant, can never claim the same epoch as its replacement, and when the two sides
         * meet every member follows the higher one.
         */
        public long epochFor(NodeId successor) {
            int place = next.indexOf(successor);
            return place < 0 ? -1 : epoch + 1 + place + 2 * (version - 1);
        }

        @Override
        public NodeId author() {
            return hub;
        }

        @Override
        public String kind() {
            return "succession";
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(7).string(kind()).string(group).unsigned(epoch).nodeId(hub)
                    .nodeIds(next).unsigned(version).unsigned(at).toByteArray();
        }
    }

    /**
     * A node named in its hub's succession takes the group over under a newer epoch, the succession as its
     * warrant (docs/groups.md §5.3).
     */
    record Claim(String group, long epoch, NodeId claimant, SignedGroupStatement succession, long at)
            implements GroupStatement {
        public Claim {
            requireGroup(group);
            Objects.requireNonNull(claimant, "claimant");
            Objects.requireNonNull(succession, "succession");
        }

        @Override
        public NodeId author() {
            return claimant;
        }

        @Override
        public String kind() {
            return "claim";
        }

        @Override
        public byte[] encode() {
            return new MsgpackWriter().arrayHeader(6).string(kind()).string(group).unsigned(epoch).nodeId(claimant)
                    .raw(succession.encode()).unsigned(at).toByteArray();
        }
    }

    /** Messages a receipt names, at most. */
    int MAX_RECEIPTS = 64;

    /**
     * A member's word that its application has these posts of {@code sender} (lock 1, per member): passed on by the
     * hub to the sender, who checks the member's signature — the hub cannot make one up.
     */
    record Receipt(String group, NodeId member, NodeId sender, java.util.List<MessageId> messages, long at)
            implements GroupStatement {
        public Receipt {
            requireGroup(group);
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(sender, "sender");
            messages = java.util.List.copyOf(messages);
            if (messages.isEmpty() || messages.size() > MAX_RECEIPTS) {
                throw new IllegalArgumentException("a receipt names 1 to " + MAX_RECEIPTS + " messages");
            }
        }

        @Override
        public NodeId author() {
            return member;
        }

        @Override
        public String kind() {
            return "receipt";
        }

        @Override
        public byte[] encode() {
            MsgpackWriter writer = new MsgpackWriter().arrayHeader(6).string(kind()).string(group).nodeId(member)
                    .nodeId(sender).arrayHeader(messages.size());
            messages.forEach(message -> writer.string(message.value()));
            return writer.unsigned(at).toByteArray();
        }
    }

    private static void requireGroup(String group) {
        if (group == null || !GROUP_ID.matcher(group).matches()) {
            throw new IllegalArgumentException("a group id is grp- and a lowercase UUID, got " + group);
        }
    }
}
