package org.tomprotocol.cli.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.node.NodeOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tom chat}: a line-based chat with the peers of a network. {@code /peers} lists them,
 * {@code /to N} picks one, plain lines are sent to it; each sent line is marked {@code ✓} when a relay
 * carried it, {@code ✓✓} when the recipient acknowledged it, and {@code read} when it was read.
 */
@Command(name = "chat",
        mixinStandardHelpOptions = true,
        description = "Chats with the peers of a network, line by line. Commands: /peers, /to N (or a name or id "
                + "prefix), /id, /help, /quit; groups: /group create NAME, /invite N, /join, /groups, /to #NAME, "
                + "/members, /leave; any other line is sent to the chosen peer or group.")
public final class ChatCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (TomNode node = options.builder(spec.commandLine().getErr()).start()) {
            ChatSession session = new ChatSession(node, out);
            session.welcome();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (!session.handle(line)) {
                    break;
                }
            }
            out.println("bye");
            out.flush();
        }
        return 0;
    }
}
