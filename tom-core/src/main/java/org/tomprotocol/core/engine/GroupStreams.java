package org.tomprotocol.core.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The node's group streams: the hub logs it keeps as a hub and the inboxes it keeps as a member, by group id. It
 * answers for what they hold (lock 2: the node's count includes it, so the 25-hour test sees it empty) and purges
 * them. Groups are not on the wire yet (issue 16, docs/groups.md): until they are, no group is opened and it holds
 * nothing. Pure; agent thread only.
 */
public final class GroupStreams implements MessageHolder {
    private final Map<String, GroupHubLog> hubLogs = new HashMap<>();
    private final Map<String, GroupInbox> inboxes = new HashMap<>();

    /** Keeps {@code log} as this node's hub log of {@code group} (a newer epoch's replaces the older). */
    public void hub(String group, GroupHubLog log) {
        hubLogs.put(group, log);
    }

    /** Keeps {@code inbox} as this node's inbox of {@code group}. */
    public void member(String group, GroupInbox inbox) {
        inboxes.put(group, inbox);
    }

    @Override
    public int messagesHeld() {
        int held = 0;
        for (GroupHubLog log : hubLogs.values()) {
            held += log.messagesHeld();
        }
        for (GroupInbox inbox : inboxes.values()) {
            held += inbox.messagesHeld();
        }
        return held;
    }

    public void purge(long now) {
        hubLogs.values().forEach(log -> log.purge(now));
        inboxes.values().forEach(inbox -> inbox.purge(now));
    }
}
