package org.tomprotocol.cli.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code tom stress flood --flooder-cpu 1}: the flooder runs as {@code tom stress flooder} in a process of its own,
 * pinned to CPU 1, the relay, recipient and honest sender on the others (Linux, {@code taskset}).
 */
class FlooderOnItsOwnCpuTest {
    @Test
    void theFlooderFloodsFromItsOwnProcessAndTheHonestSenderLosesNothing(@TempDir Path work) throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")), "needs taskset");
        Process tom = TomProcess.start(work, List.of(), "stress", "flood", "--honest-rate", "5", "--flood-factor",
                "40", "--seconds", "2", "--flooder-stamp-bits", "12", "--flooder-cpu", "1");
        try {
            BlockingQueue<JsonNode> events = TomProcess.events(tom);
            JsonNode result = TomProcess.await(events, "flood_result");

            assertThat(result.get("flooder_cpu").asInt()).isEqualTo(1);
            assertThat(result.at("/honest_alone/delivered").asInt()).isEqualTo(10);
            assertThat(result.at("/honest_under_flood/delivered").asInt()).isEqualTo(10);
            assertThat(result.get("flood_sent").asLong()).as("sent by the other process").isEqualTo(400);
            assertThat(result.get("flood_delivered").asLong()).as("slowed, not cut off").isPositive();
            assertThat(result.get("relay_prices_told").asLong()).isPositive();
            assertThat(tom.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(tom.exitValue()).as(Files.readString(work.resolve("stderr.txt"))).isZero();
        } finally {
            tom.destroyForcibly();
        }
    }
}
