package org.tomprotocol.cli.node;

import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.TomNode;

/** Waiting, in a short-lived command, until the node has joined: a session with some peer is up. */
public final class FirstSession {
    private static final long POLL_MILLIS = 20;

    private FirstSession() {
    }

    /**
     * Waits until {@code node} has a session with a peer or {@link System#nanoTime()} passes {@code deadlineNanos};
     * returns whether it has one.
     */
    public static boolean await(TomNode node, long deadlineNanos) throws InterruptedException {
        while (node.peers().stream().noneMatch(peer -> peer.directSession())) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        return true;
    }
}
