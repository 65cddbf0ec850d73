package org.tomprotocol.core.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * The kinds of envelope, encoded on the wire by variant name exactly as ToM Gen-2 names them. The order is
 * Gen-2's; names are the wire format and must not change. {@link #Rendezvous} is this implementation's
 * additions, like {@link #Signal}, {@link #GroupPostCopy} and {@link #Price} (documented in docs/wire-spec.md).
 */
public enum MessageType {
    Chat, Ack, ReadReceipt, Heartbeat,
    GroupCreate, GroupCreated, GroupInvite, GroupJoin, GroupSync, GroupMessage, GroupLeave, GroupMemberJoined,
    GroupMemberLeft, GroupHubMigration, GroupDeliveryAck, GroupHubHeartbeat, GroupSenderKeyDistribution,
    GroupHubPing, GroupHubPong, GroupHubShadowSync, GroupCandidateAssigned, GroupHubUnreachable,
    GroupKickMember, GroupUpdateMemberRole, GroupMemberRoleChanged, GroupInviteMember, GroupSyncRequest,
    GroupSyncResponse,
    BackupStore, BackupDeliver, BackupReplicate, BackupReplicateAck, BackupQuery, BackupQueryResponse,
    BackupConfirmDelivery,
    PeerAnnounce,
    /** ToM for the JVM extension: a relay introduces two peers it connects, for NAT hole punching. */
    Rendezvous,
    /**
     * ToM for the JVM extension: WebRTC signalling (an offer, answer or close for a direct DataChannel), sealed to its
     * recipient and signed by its sender, relayed like a chat and never acknowledged (§5.1).
     */
    Signal,
    /**
     * ToM for the JVM extension: a group member's post sent straight to another member while its hub orders it, so
     * the member can show it one hop sooner (docs/groups.md §6); sealed and signed like every group frame.
     */
    GroupPostCopy,
    /**
     * ToM for the JVM extension: what a recipient or relay charges an origin for its messages now (lock 5, §15): a
     * stamp difficulty and a delay, signed by the pricing node; never acknowledged.
     */
    Price;

    private static final Map<String, MessageType> BY_NAME = new HashMap<>();
    /** Longest variant name, bounding what the decoder reads. */
    static final int MAX_NAME_LENGTH;

    static {
        int longest = 0;
        for (MessageType type : values()) {
            BY_NAME.put(type.name(), type);
            longest = Math.max(longest, type.name().length());
        }
        MAX_NAME_LENGTH = longest;
    }

    /** The variant with this wire name, or {@code null}. */
    static MessageType byName(String name) {
        return BY_NAME.get(name);
    }

    /** Whether the type is an acknowledgement or receipt, which are never encrypted and never acknowledged. */
    public boolean isReceipt() {
        return this == Ack || this == ReadReceipt;
    }
}
