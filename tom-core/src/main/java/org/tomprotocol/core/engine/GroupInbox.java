package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.state.ExpiringSet;

/**
 * A member's side of a group's stream (docs/groups.md §2, §6): it hands messages to the application in the hub's
 * order, holds those that come after a gap (at most {@link #MAX_HELD}) and names the first sequence number to ask
 * for, drops what it already has, and never shows a message twice — not even when a new hub orders again, under a
 * new epoch, a message the old one had ordered (the sender's resend after a failover). Pure: time is passed in; one
 * thread.
 */
public final class GroupInbox implements MessageHolder {
    /** Messages held behind a gap, at most; past it the furthest are dropped (a sync brings them again). */
    public static final int MAX_HELD = 256;

    /** What a message ordered by the hub became. */
    public sealed interface Arrival {
        /** These, in order, go to the application (the message, and any held ones it unblocked). */
        record Deliver(List<GroupHubLog.Ordered> messages) implements Arrival {
        }

        /** Held: messages are missing before it; ask the hub for those from {@code firstMissing}. */
        record Gap(long firstMissing) implements Arrival {
        }

        /** Already had (this place, or this sender's message under another epoch's place). */
        record Duplicate() implements Arrival {
        }

        /** From an epoch older than the hub this member follows: refused as {@code group-stale-epoch}. */
        record StaleEpoch() implements Arrival {
        }
    }

    private record Key(NodeId sender, MessageId id) {
    }

    private long epoch;
    private long nextSeq = 1;
    private final NavigableMap<Long, GroupHubLog.Ordered> held = new TreeMap<>();
    /** Every message shown, by sender and id, for as long as a resend of it can come (24 h). */
    private final ExpiringSet<Key> shown = new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, 100_000);
    /** Messages shown from their author's copy whose place in the stream has not come yet. */
    private final ExpiringSet<Key> early = new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, 100_000);

    public GroupInbox(long epoch) {
        this(epoch, 1);
    }

    /** An inbox whose stream starts at {@code nextSeq} (a newcomer's, after its join). */
    public GroupInbox(long epoch, long nextSeq) {
        this.epoch = epoch;
        this.nextSeq = nextSeq;
    }

    public long epoch() {
        return epoch;
    }

    /** The next sequence number this member expects in its epoch. */
    public long nextSeq() {
        return nextSeq;
    }

    /**
     * Follows a newer hub epoch (one whose claim the member verified): its numbering starts again at 1, and what was
     * held under the old epoch goes (the old hub's stream ended; senders resend what it had not confirmed).
     */
    public void followEpoch(long newer) {
        if (newer > epoch) {
            epoch = newer;
            nextSeq = 1;
            held.clear();
        }
    }

    /** The application was shown {@code sender}'s message {@code id} before a restart: it is never shown again. */
    public void shownBefore(NodeId sender, MessageId id, long now) {
        shown.add(new Key(sender, id), now);
    }

    /** Whether {@code sender}'s message {@code id} was shown already. */
    public boolean wasShown(NodeId sender, MessageId id, long now) {
        return shown.contains(new Key(sender, id), now);
    }

    /**
     * The application was shown {@code sender}'s message {@code id} from its author's copy: when the hub's copy takes
     * its place it is handed on (what it says takes effect in order) but {@link #takeEarly} tells it was shown.
     */
    public void shownEarly(NodeId sender, MessageId id, long now) {
        Key key = new Key(sender, id);
        shown.add(key, now);
        early.add(key, now);
    }

    /** Whether the message taking its place now was shown early from its author's copy (asked once). */
    public boolean takeEarly(NodeId sender, MessageId id, long now) {
        return early.remove(new Key(sender, id), now);
    }

    /** A message as the hub ordered it, at {@code now}. */
    public Arrival arrive(GroupHubLog.Ordered message, long now) {
        if (message.epoch() < epoch) {
            return new Arrival.StaleEpoch();
        }
        followEpoch(message.epoch());
        if (message.seq() < nextSeq || held.containsKey(message.seq())) {
            return new Arrival.Duplicate();
        }
        if (message.seq() > nextSeq) {
            held.put(message.seq(), message);
            if (held.size() > MAX_HELD) {
                held.pollLastEntry();
            }
            return new Arrival.Gap(nextSeq);
        }
        List<GroupHubLog.Ordered> deliver = new ArrayList<>();
        take(message, now, deliver);
        drain(now, deliver);
        return deliver.isEmpty() ? new Arrival.Duplicate() : new Arrival.Deliver(deliver);
    }

    /** Takes the held messages that follow without a gap. */
    private void drain(long now, List<GroupHubLog.Ordered> deliver) {
        while (!held.isEmpty() && held.firstKey() == nextSeq) {
            take(held.pollFirstEntry().getValue(), now, deliver);
        }
    }

    /** Takes the next place; the message goes to the application unless it was shown under another place. */
    private void take(GroupHubLog.Ordered message, long now, List<GroupHubLog.Ordered> deliver) {
        nextSeq = message.seq() + 1;
        Key key = new Key(message.sender(), message.id());
        if (shown.add(key, now) || early.contains(key, now)) {
            deliver.add(message);
        }
    }

    /** What skipping to the hub's first kept place did: how many places were missed, what can now be shown. */
    public record Skip(long missed, List<GroupHubLog.Ordered> deliver) {
    }

    /**
     * The hub no longer keeps anything before {@code firstKept} (24 h passed, or its cap): the member skips the
     * places it cannot get — and learns how many it missed — and shows what it held beyond them.
     */
    public Skip skipTo(long firstKept, long now) {
        if (firstKept <= nextSeq) {
            return new Skip(0, List.of());
        }
        long missed = firstKept - nextSeq;
        nextSeq = firstKept;
        held.headMap(firstKept, false).clear();
        List<GroupHubLog.Ordered> deliver = new ArrayList<>();
        drain(now, deliver);
        return new Skip(missed, deliver);
    }

    @Override
    public int messagesHeld() {
        return held.size();
    }

    /** Forgets what it holds behind a gap once it is 24 hours old (lock 2), and the ids shown as long ago. */
    public void purge(long now) {
        held.values().removeIf(message -> now - message.orderedAt() >= ProtocolConstants.MAX_AGE_MS);
        shown.purge(now);
        early.purge(now);
    }
}
