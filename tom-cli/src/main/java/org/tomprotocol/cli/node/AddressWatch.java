package org.tomprotocol.cli.node;

import java.util.List;

import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;

/**
 * Prints the node's addresses whenever they change: the ones peers observe (a NAT's public mapping) arrive
 * after the first sessions, and change when the NAT rebinds. The API has no event for it, so it looks five times a
 * second.
 */
final class AddressWatch {
    private static final long PERIOD_MS = 200;

    private AddressWatch() {
    }

    static void start(TomNode node, EventLines lines) {
        List<TransportAddress> initial = node.addresses();
        Thread.ofPlatform().name("tom-node-addresses").daemon().start(() -> {
            List<TransportAddress> last = initial;
            try {
                while (true) {
                    Thread.sleep(PERIOD_MS);
                    List<TransportAddress> now = node.addresses();
                    if (!now.equals(last)) {
                        last = now;
                        lines.addresses(now);
                    }
                }
            } catch (InterruptedException | RuntimeException e) {
                // the node closed
            }
        });
    }
}
