package org.tomprotocol.core.engine;

import java.util.HashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;

/**
 * The room a holder gives to copies of other nodes' messages: bounded per sender (so that one sender cannot take it
 * all) and in all, in copies and in bytes.
 */
final class CopyRoom {
    private final Map<NodeId, Usage> bySender = new HashMap<>();
    private long bytes;
    private int copies;

    private static final class Usage {
        int copies;
        long bytes;
    }

    /** Why a copy of {@code size} bytes from {@code sender} does not fit, or {@code null} if it does. */
    String refusal(NodeId sender, int size) {
        if (copies >= ProtocolConstants.BACKUP_MAX_COPIES || bytes + size > ProtocolConstants.BACKUP_MAX_BYTES) {
            return "full";
        }
        Usage usage = bySender.get(sender);
        if (usage != null && (usage.copies >= ProtocolConstants.BACKUP_MAX_COPIES_PER_SENDER
                || usage.bytes + size > ProtocolConstants.BACKUP_MAX_BYTES_PER_SENDER)) {
            return "sender-full";
        }
        return null;
    }

    void take(NodeId sender, int size) {
        Usage usage = bySender.computeIfAbsent(sender, s -> new Usage());
        usage.copies++;
        usage.bytes += size;
        bytes += size;
        copies++;
    }

    void release(NodeId sender, int size) {
        Usage usage = bySender.get(sender);
        usage.copies--;
        usage.bytes -= size;
        if (usage.copies == 0) {
            bySender.remove(sender);
        }
        bytes -= size;
        copies--;
    }

    long bytes() {
        return bytes;
    }
}
