package org.tomprotocol.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
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

    @Test
    void aRoleEarnedAndAPeersStandingAreLinesAnOperatorCanRead() throws Exception {
        StringWriter written = new StringWriter();
        EventLines lines = new EventLines(new PrintWriter(written), true);
        lines.nodeEvent(new org.tomprotocol.api.RoleEvent(org.tomprotocol.api.RoleEvent.Kind.EARNED, "relay", 10.456,
                Instant.EPOCH));
        lines.standing(new org.tomprotocol.api.PeerStanding(node(2), 3.14159, 0.9, 12, 0));

        List<JsonNode> read = written.toString().lines().map(line -> {
            try {
                return new ObjectMapper().readTree(line);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertThat(read.get(0).get("event").asText()).isEqualTo("role");
        assertThat(read.get(0).get("kind").asText()).isEqualTo("earned");
        assertThat(read.get(0).get("score").asDouble()).isEqualTo(10.46);
        assertThat(read.get(1).get("event").asText()).isEqualTo("standing");
        assertThat(read.get(1).get("peer").asText()).isEqualTo(node(2).toHex());
        assertThat(read.get(1).get("contribution").asDouble()).isEqualTo(3.14);
        assertThat(read.get(1).get("stamp_bits_asked").asInt()).isEqualTo(12);
        assertThat(read.get(1).get("stamp_bits_asked_of_this_node").asInt()).isZero();
    }
}
