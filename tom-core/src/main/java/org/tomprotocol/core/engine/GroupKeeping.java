package org.tomprotocol.core.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;

/**
 * When a node with a store hands it each group's state (docs/groups.md §10): at once when its hub, epoch, membership
 * or own key epoch changed, at most once a second for its place in the stream and the chains it reads (which move
 * with every post), and at least once an hour so the entry, which expires a day after it was written (lock 2), lives
 * as long as the group. A group the node left is forgotten. At close, the runtime writes every group's state itself
 * ({@link GroupsMachine#snapshots}). Pure; agent thread only.
 */
final class GroupKeeping {
    static final long KEEP_EVERY_MS = 1_000;
    static final long RENEW_EVERY_MS = 60 * 60_000L;

    /**
     * Where a member stands, as far as a store cares: a change of hub, epoch, membership or own key epoch is kept at
     * once, the rest (its place in the stream, the chains it reads, which follow it) at most once a second.
     */
    record Progress(NodeId hub, long epoch, int history, long nextKeyEpoch, long nextSeq) {
        boolean sameStanding(Progress other) {
            return other != null && hub.equals(other.hub) && epoch == other.epoch && history == other.history
                    && nextKeyEpoch == other.nextKeyEpoch;
        }
    }

    private record Kept(Progress progress, long at) {
    }

    private final GroupEffects effects;
    private final Map<String, Kept> kept = new HashMap<>();
    private boolean enabled;

    GroupKeeping(GroupEffects effects) {
        this.effects = effects;
    }

    /** Whether the node has a store to keep its groups in. */
    void enable(boolean keep) {
        this.enabled = keep;
    }

    /** At the end of a turn: the groups whose state is due go to the store. */
    void keep(Collection<GroupState> groups, long now) {
        if (!enabled) {
            return;
        }
        for (GroupState state : groups) {
            if (state.ended()) {
                continue;
            }
            Progress progress = state.progress();
            Kept last = kept.get(state.group());
            boolean due = last == null || !progress.sameStanding(last.progress())
                    || (!progress.equals(last.progress()) && now - last.at() >= KEEP_EVERY_MS)
                    || now - last.at() >= RENEW_EVERY_MS;
            if (due) {
                save(state, progress, now);
            }
        }
    }

    private void save(GroupState state, Progress progress, long now) {
        effects.keepGroup(state.snapshot(now));
        kept.put(state.group(), new Kept(progress, now));
    }

    /** The node is no longer a member of {@code group}: the store forgets it. */
    void forget(String group) {
        if (enabled) {
            kept.remove(group);
            effects.forgetGroup(group);
        }
    }
}
