package org.tomprotocol.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.SubnetEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What {@code tom node} prints for an event. */
class EventLinesTest {
    private static NodeId node(int n) {
        byte[] key = new byte[32];
        key[0] = (byte) n;
        return NodeId.of(key);
    }

    @Test
    void aSubnetThatFormedIsOneLineWithItsKindIdAndMembers() throws Exception {
        StringWriter written = new StringWriter();
        new EventLines(new PrintWriter(written), true).nodeEvent(new SubnetEvent(SubnetEvent.Kind.FORMED, "subnet-1",
                Set.of(node(3), node(1), node(2)), Instant.EPOCH));

        JsonNode line = new ObjectMapper().readTree(written.toString());
        assertThat(line.get("event").asText()).isEqualTo("subnet");
        assertThat(line.get("kind").asText()).isEqualTo("formed");
        assertThat(line.get("subnet").asText()).isEqualTo("subnet-1");
        assertThat(line.get("members")).extracting(JsonNode::asText)
                .containsExactly(node(1).toHex(), node(2).toHex(), node(3).toHex());
    }
}
