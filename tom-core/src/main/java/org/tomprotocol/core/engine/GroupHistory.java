package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.CryptoSuite;

/**
 * A group's membership history as a member holds it (docs/groups.md §3): every membership change the hubs ordered,
 * signed by its author, from the founding on — what proves the membership to an invitee, a newcomer, and a member
 * reading its own store after a restart. Agent thread only.
 */
final class GroupHistory {
    /** Statements kept, at most (compaction by a hub-signed snapshot is future work). */
    static final int MAX_ENTRIES = GroupFrame.MAX_ENTRIES;
    private static final System.Logger LOG = System.getLogger(GroupHistory.class.getName());

    private final List<GroupFrame.Ordered> entries;

    GroupHistory(List<GroupFrame.Ordered> entries) {
        this.entries = new ArrayList<>(entries);
    }

    /**
     * The membership {@code history} proves: founded by its first statement, each later one applied at the time the
     * hub ordered it; empty if any link fails (a forged or out-of-authority statement, a gap in the founding).
     */
    static Optional<GroupMembership> prove(List<GroupFrame.Ordered> history, CryptoSuite crypto) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Optional<GroupMembership> founded = GroupMembership.founded(history.get(0).item(), crypto);
        if (founded.isEmpty()) {
            return Optional.empty();
        }
        for (GroupFrame.Ordered entry : history.subList(1, history.size())) {
            GroupMembership.Verdict verdict = founded.get().apply(entry.item(), entry.orderedAt());
            if (!verdict.accepted()) {
                LOG.log(System.Logger.Level.DEBUG, "a group history fails at {0}: {1}", entry.seq(),
                        verdict.rejectedBecause());
                return Optional.empty();
            }
        }
        return founded;
    }

    /** Whether it holds the change with this item id. */
    boolean holds(MessageId id) {
        return indexOf(id) >= 0;
    }

    /**
     * The history from the founding up to the change {@code id} (a newcomer's join), included. By position, not by
     * place: places start again at each hub epoch.
     */
    List<GroupFrame.Ordered> upTo(MessageId id) {
        int index = indexOf(id);
        return List.copyOf(index < 0 ? entries : entries.subList(0, index + 1));
    }

    private int indexOf(MessageId id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).item().itemId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code node} left the group or was removed from it, and has not joined again since. */
    boolean departed(NodeId node) {
        boolean departed = false;
        for (GroupFrame.Ordered entry : entries) {
            GroupStatement statement = entry.item().statement();
            if (node.equals(GroupMembership.departing(statement))) {
                departed = true;
            } else if (statement instanceof GroupStatement.Join && statement.author().equals(node)) {
                departed = false;
            }
        }
        return departed;
    }

    /** The membership changes ordered at {@code since} or later, in order (not the founding). */
    List<SignedGroupStatement> changesSince(long since) {
        return entries.stream().filter(entry -> entry.seq() > 0 && entry.orderedAt() >= since)
                .map(GroupFrame.Ordered::item).toList();
    }

    List<GroupFrame.Ordered> entries() {
        return List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    /** A change the hub ordered; counted as {@code group-history-full} once it holds more than {@link #MAX_ENTRIES}. */
    void record(GroupHubLog.Ordered change, GroupEffects effects) {
        entries.add(new GroupFrame.Ordered(change.seq(), change.orderedAt(), change.item()));
        if (entries.size() > MAX_ENTRIES) {
            effects.count("group-history-full");
        }
    }
}
