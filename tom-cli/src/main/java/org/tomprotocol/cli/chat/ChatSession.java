package org.tomprotocol.cli.chat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.SendRejectedException;
import org.tomprotocol.api.TomNode;

/** The state of one chat: the node, the chosen peer, and the printing of what happens. Thread-safe output. */
final class ChatSession {
    private final TomNode node;
    private final PrintWriter out;
    private final AtomicInteger sentCount = new AtomicInteger();
    private volatile NodeId selected;
    private volatile String selectedName = "";
    private final GroupChat groups;

    ChatSession(TomNode node, PrintWriter out) {
        this.node = node;
        this.out = out;
        node.onMessage(this::received);
        this.groups = new GroupChat(node, this::say, which -> Optional.ofNullable(peer(which)).map(PeerInfo::id),
                this::labelOf);
    }

    void welcome() {
        say("you are " + node.id().toHex());
        say("listening on " + node.addresses().stream().map(Object::toString).toList());
        say("commands: /peers, /to N, /id, /help, /quit — other lines are sent to the chosen peer or group");
        say(GroupChat.help());
    }

    /** Handles one input line; returns false to quit. */
    boolean handle(String line) {
        String input = line.strip();
        if (input.isEmpty()) {
            return true;
        }
        String lower = input.toLowerCase(Locale.ROOT);
        if (groups.handle(input)) {
            return true;
        } else if (lower.equals("/quit") || lower.equals("/q")) {
            return false;
        } else if (lower.equals("/peers") || lower.equals("/p")) {
            listPeers();
        } else if (lower.startsWith("/to ")) {
            choose(input.substring(4).strip());
        } else if (lower.equals("/id")) {
            say("you are " + node.id().toHex());
        } else if (lower.equals("/help") || lower.equals("/h")) {
            welcome();
        } else if (input.startsWith("/")) {
            say("unknown command " + input + " — /help lists them");
        } else {
            send(input);
        }
        return true;
    }

    private List<PeerInfo> peers() {
        return node.peers().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    private void listPeers() {
        List<PeerInfo> peers = peers();
        if (peers.isEmpty()) {
            say("no peers yet");
            return;
        }
        for (int i = 0; i < peers.size(); i++) {
            PeerInfo peer = peers.get(i);
            say((i + 1) + ". " + label(peer) + "  " + peer.state().name().toLowerCase(Locale.ROOT)
                    + (peer.directSession() ? ", direct" : ""));
        }
    }

    private static String label(PeerInfo peer) {
        return peer.name().isBlank() ? peer.id().shortForm() : peer.name() + " (" + peer.id().shortForm() + ")";
    }

    private String labelOf(NodeId id) {
        if (id.equals(node.id())) {
            return "you";
        }
        return peers().stream().filter(p -> p.id().equals(id)).findFirst().map(ChatSession::label)
                .orElse(id.shortForm());
    }

    /** The peer a user named by its number in {@code /peers}, its name or an id prefix; null if none. */
    private PeerInfo peer(String which) {
        List<PeerInfo> peers = peers();
        PeerInfo chosen = null;
        try {
            int index = Integer.parseInt(which);
            if (index >= 1 && index <= peers.size()) {
                chosen = peers.get(index - 1);
            }
        } catch (NumberFormatException notANumber) {
            chosen = peers.stream().filter(p -> p.name().equalsIgnoreCase(which) || p.id().toHex().startsWith(which))
                    .findFirst().orElse(null);
        }
        return chosen;
    }

    private void choose(String which) {
        PeerInfo chosen = peer(which);
        if (chosen == null) {
            say("no peer " + which + " — /peers lists them");
            return;
        }
        groups.unchoose();
        selected = chosen.id();
        selectedName = label(chosen);
        say("talking to " + selectedName);
    }

    private void send(String text) {
        if (groups.chosen()) {
            groups.send(text);
            return;
        }
        NodeId to = selected;
        if (to == null) {
            say("choose a peer first: /peers, then /to N");
            return;
        }
        int number = sentCount.incrementAndGet();
        try {
            OutboundMessage message = node.send(to, text.getBytes(StandardCharsets.UTF_8));
            say("#" + number + " → " + selectedName + ": " + text);
            message.onStatusChange(change -> mark(number, change.current()));
        } catch (SendRejectedException e) {
            say("#" + number + " not sent: " + e.getMessage());
        }
    }

    private void mark(int number, MessageStatus status) {
        switch (status) {
            case RELAYED -> say("#" + number + " ✓ relayed");
            case BACKED_UP -> say("#" + number + " ⧗ queued: held by other nodes until the recipient is back");
            case DELIVERED -> say("#" + number + " ✓✓ delivered");
            case READ -> say("#" + number + " ✓✓ read");
            case FAILED -> say("#" + number + " ✗ failed");
            default -> {
                // pending and sent are not worth a line
            }
        }
    }

    private void received(InboundMessage message) {
        String from = peers().stream().filter(p -> p.id().equals(message.sender())).findFirst()
                .map(ChatSession::label).orElse(message.sender().shortForm());
        say("[" + from + "] " + new String(message.payload(), StandardCharsets.UTF_8));
        node.markRead(message);
    }

    synchronized void say(String line) {
        out.println(line);
        out.flush();
    }
}
