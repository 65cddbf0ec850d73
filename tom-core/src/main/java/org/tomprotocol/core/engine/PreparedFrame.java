package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;

/**
 * An envelope already signed and encoded on a worker, ready for the agent to hand to a transport without
 * another trip through the worker pool (e.g. the acknowledgement of a message being verified).
 *
 * @param firstHop where to send it
 * @param wire     its encoded form
 */
public record PreparedFrame(NodeId firstHop, byte[] wire) {
}
