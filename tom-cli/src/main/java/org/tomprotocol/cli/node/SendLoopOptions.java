package org.tomprotocol.cli.node;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code tom node}'s options for sending messages periodically while it runs (e.g. in the NAT lab). */
public final class SendLoopOptions {
    @Option(names = "--send-to", paramLabel = "NODEID",
            description = "Send messages to this node (64 hex characters) while running, printing each outcome.")
    String sendTo;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "1000",
            description = "With --send-to: pause between two messages (default ${DEFAULT-VALUE} ms).")
    long intervalMillis;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10",
            description = "With --send-to: messages to send (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--payload", paramLabel = "TEXT", defaultValue = "message",
            description = "With --send-to: the text of each message, followed by its number (default '${DEFAULT-VALUE}').")
    String payload;

    @Option(names = "--start-file", paramLabel = "FILE",
            description = "With --send-to: start sending only once this file exists (lets a script start several "
                    + "nodes, wait until all joined, then make them send at once).")
    Path startFile;

    @Option(names = "--settle-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --send-to: after the last message, wait this long at most for outstanding outcomes "
                    + "before the summary (default ${DEFAULT-VALUE} s).")
    long settleSeconds;

    boolean enabled() {
        return sendTo != null;
    }

    /** Throws a usage error naming the option to fix. */
    void validate(picocli.CommandLine commandLine) {
        try {
            org.tomprotocol.api.NodeId.parse(sendTo);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--send-to: " + e.getMessage());
        }
        if (intervalMillis < 1 || count < 1 || settleSeconds < 0) {
            throw new picocli.CommandLine.ParameterException(commandLine,
                    "--interval and --count must be at least 1 and --settle-timeout not negative");
        }
    }
}
