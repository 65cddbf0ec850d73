package org.tomprotocol.core.runtime;

import java.time.Instant;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.PeerEvent;

/** What the application side of a node hears from the engine; always called on the node's event thread. */
interface NodeEvents {
    void delivered(InboundMessage message);

    void statusChanged(MessageId id, MessageStatus previous, MessageStatus current, Instant at,
                       DeliveryFailedException.Reason failure);

    void peerChanged(PeerEvent event);

    /** The way this node reaches a peer changed. */
    void pathChanged(org.tomprotocol.api.PathChange change);

    /** The node hit an unrecoverable error (see {@link NodeHealth}). */
    void failed(org.tomprotocol.api.NodeFailure failure);

    /** A copy held for another node was taken or let go. */
    void backup(org.tomprotocol.api.BackupEvent event);

    /** An event that is only published: a subnet formed or dissolved, a role earned or lost. */
    void published(org.tomprotocol.api.NodeEvent event);

    /** A message went out through {@code relays} (empty: direct). */
    void routed(MessageId id, java.util.List<org.tomprotocol.api.NodeId> relays);

    /** Something happened in one of the node's groups. */
    void group(org.tomprotocol.api.GroupEvent event);

    /** The node's groups and invitations as they now stand. */
    void groupsChanged(java.util.List<org.tomprotocol.api.GroupInfo> groups,
                       java.util.List<org.tomprotocol.api.GroupInvite> invites);
}
