package org.tomprotocol.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.TomCli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * {@code tom send} through a real QUIC node: exit 0 only once the recipient acknowledged (or, without
 * {@code --wait-delivered}, once other nodes hold the message), 1 with a reason, 2 for usage.
 */
class SendCommandTest {
    private static TomNode recipient;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRecipient() {
        recipient = Tom.node().transports("quic").listen("127.0.0.1:0").start();
        recipient.onMessage(message -> received.add(new String(message.payload(), StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stopRecipient() {
        recipient.close();
    }

    private record Run(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run send(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] arguments = new String[args.length + 1];
        arguments[0] = "send";
        System.arraycopy(args, 0, arguments, 1, args.length);
        return new Run(commandLine.execute(arguments), out.toString(), err.toString());
    }

    private static String bootstrap() {
        String address = recipient.addresses().stream().map(a -> a.address()).filter(a -> a.startsWith("127.0.0.1:"))
                .findFirst().orElseThrow();
        return recipient.id().toHex() + "@" + address;
    }

    @Test
    void waitDeliveredExitsZeroOnceTheRecipientAcknowledged() throws Exception {
        Run run = send("--bootstrap", bootstrap(), "--wait-delivered", "--json", recipient.id().toHex(), "hello bob");

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode outcome = run.json();
        assertThat(outcome.get("outcome").asText()).isEqualTo("delivered");
        assertThat(outcome.get("to").asText()).isEqualTo(recipient.id().toHex());
        assertThat(outcome.get("timeline").findValuesAsText("status")).contains("pending", "delivered");
        assertThat(received).contains("hello bob");
    }

    @Test
    void aRecipientThatNeverAcknowledgesExitsOneWithTheReason() throws Exception {
        NodeId gone;
        try (TomNode node = Tom.node().transports("quic").listen("127.0.0.1:0").start()) {
            gone = node.id();
        }

        Run run = send("--bootstrap", bootstrap(), "--wait-delivered", "--timeout", "2", "--json", gone.toHex(), "hi");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        JsonNode outcome = run.json();
        assertThat(outcome.get("outcome").asText()).isIn("timeout", "failed");
        assertThat(outcome.get("reason").asText()).isNotBlank();
    }

    @Test
    void withoutWaitingItStillExitsZeroOnlyOnceTheMessageIsSafeHereDelivered() throws Exception {
        Run run = send("--bootstrap", bootstrap(), "--json", recipient.id().toHex(), "safe");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.json().get("outcome").asText()).isEqualTo("delivered");
    }

    @Test
    void withoutWaitingAMessageNeitherDeliveredNorHeldByOthersExitsOne() throws Exception {
        NodeId gone;
        try (TomNode node = Tom.node().transports("quic").listen("127.0.0.1:0").start()) {
            gone = node.id();
        }

        // the only other node is the bootstrap: one copy at most, never the two that make a message backed up
        Run run = send("--bootstrap", bootstrap(), "--timeout", "8", "--json", gone.toHex(), "nobody holds this");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        JsonNode outcome = run.json();
        assertThat(outcome.get("outcome").asText()).isEqualTo("timeout");
        assertThat(outcome.get("reason").asText()).contains("neither delivered nor held by other nodes");
    }

    @Test
    void aMalformedRecipientIsAUsageError() {
        Run run = send("--bootstrap", bootstrap(), "12345", "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("12345");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutABootstrapNodeItSaysWhatToAdd() {
        Run run = send(recipient.id().toHex(), "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--bootstrap NODEID@HOST:PORT");
    }
}
