package org.tomprotocol.transport.quic;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns on debug logging of this module (and Netty) for a test run: -Dtom.quic.debug=true. */
final class DebugLogging {
    private static final Logger TOM = Logger.getLogger("org.tomprotocol.transport.quic");
    private static final Logger NETTY = Logger.getLogger("io.netty");

    private DebugLogging() {
    }

    static void enableIfAsked() {
        if (!Boolean.getBoolean("tom.quic.debug")) {
            return;
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        TOM.setLevel(Level.FINE);
        NETTY.setLevel(Level.INFO);
        for (Logger logger : new Logger[] {TOM, NETTY}) {
            logger.addHandler(handler);
            logger.setUseParentHandlers(false);
        }
    }
}
