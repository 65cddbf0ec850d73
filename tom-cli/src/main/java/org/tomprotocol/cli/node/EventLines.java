package org.tomprotocol.cli.node;

import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.NodeEvent;
import org.tomprotocol.api.NodeFailure;
import org.tomprotocol.api.PathChange;
import org.tomprotocol.api.PeerEvent;
import org.tomprotocol.api.StatusChange;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes node events as one JSON object per line ({@code --json}) or as readable lines. Thread-safe. */
public final class EventLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;

    public EventLines(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public synchronized void emit(String event, Map<String, Object> fields) {
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("event", event);
            line.put("at", Instant.now().toString());
            line.putAll(fields);
            try {
                out.println(MAPPER.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            StringBuilder text = new StringBuilder(event);
            fields.forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
            out.println(text);
        }
        out.flush();
    }

    public void started(TomNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("node_id", node.id().toHex());
        fields.put("addresses", node.addresses().stream().map(Object::toString).toList());
        emit("started", fields);
        // the web endpoint's page, where a browser joins (tom node --web)
        node.addresses().stream().filter(address -> address.scheme().equals("ws"))
                .forEach(address -> emit("web", Map.of("url", "http://" + address.address() + "/")));
    }

    public void nodeEvent(NodeEvent event) {
        if (event instanceof PeerEvent peer) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("peer", peer.peer().toHex());
            fields.put("state", peer.state().name().toLowerCase());
            emit("peer", fields);
        } else if (event instanceof PathChange change) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("peer", change.peer().toHex());
            fields.put("from", change.from().name().toLowerCase());
            fields.put("to", change.to().name().toLowerCase());
            fields.put("since_first_message_ms", change.sinceFirstMessage().toMillis());
            fields.put("at_ms", change.at().toEpochMilli());
            emit("path_change", fields);
        } else if (event instanceof org.tomprotocol.api.BackupEvent backup) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("kind", backup.kind().name().toLowerCase());
            fields.put("id", backup.message().value());
            fields.put("from", backup.sender().toHex());
            fields.put("to", backup.recipient().toHex());
            emit("backup", fields);
        } else if (event instanceof org.tomprotocol.api.SubnetEvent subnet) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("kind", subnet.kind().name().toLowerCase());
            fields.put("subnet", subnet.subnet());
            fields.put("members", subnet.members().stream().map(member -> member.toHex()).toList());
            emit("subnet", fields);
        } else if (event instanceof org.tomprotocol.api.RoleEvent role) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("kind", role.kind().name().toLowerCase());
            fields.put("role", role.role());
            fields.put("score", Math.round(role.score() * 100) / 100.0);
            emit("role", fields);
        } else if (event instanceof NodeFailure failure) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("component", failure.component());
            fields.put("reason", failure.reason());
            emit("failed", fields);
        }
    }

    /** How this node and a peer stand with each other changed: the stamps asked either way (lock 5). */
    public void standing(org.tomprotocol.api.PeerStanding standing) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("peer", standing.peer().toHex());
        fields.put("contribution", Math.round(standing.contribution() * 100) / 100.0);
        fields.put("relay_delivery", Math.round(standing.relayDelivery() * 1000) / 1000.0);
        fields.put("stamp_bits_asked", standing.stampBitsAsked());
        fields.put("stamp_bits_asked_of_this_node", standing.stampBitsAskedOfThis());
        emit("standing", fields);
    }

    /** This node's addresses changed, e.g. a peer reported how it sees the node (its public NAT mapping). */
    public void addresses(List<TransportAddress> addresses) {
        emit("addresses", Map.of("addresses", addresses.stream().map(Object::toString).toList()));
    }

    public void message(InboundMessage message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", message.sender().toHex());
        fields.put("id", message.id().value());
        fields.put("bytes", message.payloadLength());
        fields.put("relay_hops", message.relayHops());
        String text = textOf(message.payload());
        if (text != null) {
            fields.put("text", text);
        }
        emit("message", fields);
    }

    public void status(StatusChange change) {
        emit("status", Map.of("id", change.messageId().value(), "status", change.current().name().toLowerCase(),
                "at_ms", change.at().toEpochMilli()));
    }

    /** The payload as text when it is valid UTF-8, else {@code null}. */
    static String textOf(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
