package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.archtests.support.TomImage.ROOT;
import static org.tomprotocol.archtests.support.TomImage.tom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.archtests.support.JavaProcess;
import org.tomprotocol.archtests.support.TomImage;
import org.tomprotocol.archtests.support.TomNodeProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The virus backup with real processes of the image, on loopback: {@code tom send} to a recipient that is offline
 * exits 0 only once other nodes hold the message ({@code backed_up}); the sender's data directory is then deleted;
 * the recipient, started later, receives the message, once, from a holder; and every holder that took a copy lets
 * it go on the recipient's signed acknowledgement.
 */
class SenderVanishesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @BeforeAll
    static void imageIsBuilt() {
        TomImage.assumeBuilt();
    }

    @Test
    void aMessageSentToAnOfflineRecipientReachesItAfterItsSenderIsGoneAndTheHoldersPurge() throws Exception {
        String recipient = JSON.readTree(JavaProcess.run(tom("id", "--data-dir", work.resolve("recipient").toString(),
                "--json"), ROOT, Map.of()).stdout()).get("node_id").asText();
        List<TomNodeProcess> holders = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        try {
            holders.add(TomNodeProcess.start("holder-0", tom("node", "--listen", "127.0.0.1:0", "--json"), work));
            String bootstrap = bootstrapOf(holders.get(0));
            addresses.add(bootstrap);
            for (int i = 1; i < 3; i++) {
                holders.add(TomNodeProcess.start("holder-" + i, tom("node", "--listen", "127.0.0.1:0", "--bootstrap",
                        bootstrap, "--json"), work));
                addresses.add(bootstrapOf(holders.get(i)));
            }
            for (TomNodeProcess holder : holders) {
                holder.await("a second peer online", e -> e.get("event").asText().equals("peer")
                        && e.get("state").asText().equals("online") && countOnline(holder) >= 2, PATIENCE);
            }

            Path senderDir = work.resolve("sender");
            JavaProcess.Result sent = JavaProcess.run(tom("send", "--bootstrap", bootstrap, "--data-dir",
                    senderDir.toString(), "--timeout", "50", "--json", recipient, "kept by others"), ROOT, Map.of());
            assertThat(sent.exitCode()).as("tom send exits 0 once others hold it\n%s", sent).isZero();
            JsonNode outcome = JSON.readTree(sent.stdout());
            assertThat(outcome.get("outcome").asText()).isEqualTo("backed_up");
            String id = outcome.get("id").asText();
            deleteRecursively(senderDir);
            assertThat(senderDir).doesNotExist();

            try (TomNodeProcess receiver = TomNodeProcess.start("recipient", tom("node", "--listen", "127.0.0.1:0",
                    "--data-dir", work.resolve("recipient").toString(), "--bootstrap", addresses.get(2),
                    "--json"), work)) {
                JsonNode message = receiver.await("the message", e -> e.get("event").asText().equals("message"),
                        PATIENCE);
                assertThat(message.get("id").asText()).isEqualTo(id);
                assertThat(message.get("text").asText()).isEqualTo("kept by others");
                List<TomNodeProcess> holding = holders.stream().filter(h -> backup(h, "held", id)).toList();
                assertThat(holding).as("copies were held").hasSizeGreaterThanOrEqualTo(2);
                for (TomNodeProcess holder : holding) {
                    holder.await("its copy purged", e -> e.get("event").asText().equals("backup")
                            && e.get("kind").asText().equals("purged_delivered") && e.get("id").asText().equals(id),
                            PATIENCE);
                }
                Thread.sleep(2_000);
                assertThat(receiver.events().stream().filter(e -> e.get("event").asText().equals("message")))
                        .as("delivered once").hasSize(1);
            }
        } finally {
            for (TomNodeProcess holder : holders) {
                holder.close();
            }
        }
    }

    private static boolean backup(TomNodeProcess holder, String kind, String id) {
        return holder.events().stream().anyMatch(e -> e.get("event").asText().equals("backup")
                && e.get("kind").asText().equals(kind) && e.get("id").asText().equals(id));
    }

    private static long countOnline(TomNodeProcess node) {
        return node.events().stream().filter(e -> e.get("event").asText().equals("peer")
                && e.get("state").asText().equals("online")).map(e -> e.get("peer").asText()).distinct().count();
    }

    private static String bootstrapOf(TomNodeProcess node) throws InterruptedException {
        return TomImage.loopbackBootstrap(node.await("started", e -> e.get("event").asText().equals("started"),
                PATIENCE));
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
