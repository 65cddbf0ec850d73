package org.tomprotocol.cli.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerStanding;
import org.tomprotocol.api.TomNode;

/**
 * Prints a {@code standing} line for a peer whenever a stamp asked changes, either way: this node pricing the peer's
 * messages (it sends past its budget), the peer pricing this node's, or either price falling back to nothing — the
 * anti-spam state of the peers, for an operator (lock 5). Looks every {@value #PERIOD_SECONDS} seconds.
 */
final class StandingWatch {
    private static final long PERIOD_SECONDS = 5;

    private record Asked(int ofPeer, int ofThisNode) {
    }

    private StandingWatch() {
    }

    static void start(TomNode node, EventLines lines) {
        Thread.ofPlatform().name("tom-node-standings").daemon().start(() -> {
            Map<NodeId, Asked> last = new HashMap<>();
            try {
                while (true) {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(PERIOD_SECONDS));
                    List<PeerStanding> standings;
                    try {
                        standings = node.standings().toCompletableFuture().get(PERIOD_SECONDS, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException busy) {
                        // a node too busy to answer within the period: look again at the next
                        continue;
                    }
                    for (PeerStanding standing : standings) {
                        Asked now = new Asked(standing.stampBitsAsked(), standing.stampBitsAskedOfThis());
                        Asked before = last.getOrDefault(standing.peer(), new Asked(0, 0));
                        if (!now.equals(before)) {
                            lines.standing(standing);
                        }
                        last.put(standing.peer(), now);
                    }
                }
            } catch (InterruptedException | java.util.concurrent.ExecutionException | RuntimeException e) {
                // the node closed
            }
        });
    }
}
