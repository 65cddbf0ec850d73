package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.archtests.support.TomImage.ROOT;
import static org.tomprotocol.archtests.support.TomImage.tom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.archtests.support.JavaProcess;
import org.tomprotocol.archtests.support.TomImage;
import org.tomprotocol.archtests.support.TomNodeProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code kill -9} at random instants loses nothing a node accepted: a {@code tom node} with a data directory
 * sends to a recipient that is offline and is killed (SIGKILL) while sending, several times, each time restarted
 * on the same data directory; when the recipient finally comes online, it receives every message any of those
 * runs printed as accepted, each exactly once. The restarted sender is given no bootstrap peer: it rejoins from
 * what it kept. Real processes of the image, on loopback.
 */
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int CRASHES = 4;

    @TempDir
    Path work;

    @BeforeAll
    static void imageIsBuilt() {
        TomImage.assumeBuilt();
    }

    @Test
    void aSenderKilledAtRandomInstantsDeliversEveryMessageItAcceptedExactlyOnce() throws Exception {
        JavaProcess.Result id = JavaProcess.run(tom("id", "--data-dir", work.resolve("recipient").toString(), "--json"),
                ROOT, Map.of());
        String recipient = JSON.readTree(id.stdout()).get("node_id").asText();
        Random random = new Random(2026);
        Set<String> accepted = new HashSet<>();
        try (TomNodeProcess hub = TomNodeProcess.start("hub", tom("node", "--listen", "127.0.0.1:0", "--json"), work)) {
            JsonNode started = hub.await("started", e -> e.get("event").asText().equals("started"), PATIENCE);
            String bootstrap = TomImage.loopbackBootstrap(started);
            int senderPort = freePort();
            for (int run = 1; run <= CRASHES; run++) {
                TomNodeProcess sender = TomNodeProcess.start("sender-" + run, tom("node", "--listen",
                        "127.0.0.1:" + senderPort, "--data-dir", work.resolve("sender").toString(), "--bootstrap",
                        bootstrap, "--send-to", recipient, "--count", "400", "--interval", "5", "--payload",
                        "run " + run, "--json"), work);
                try {
                    sender.await("a first accepted message", e -> e.get("event").asText().equals("accepted"), PATIENCE);
                    Thread.sleep(random.nextInt(1_500));
                } finally {
                    sender.kill();
                }
                sender.events().stream().filter(e -> e.get("event").asText().equals("accepted"))
                        .forEach(e -> accepted.add(e.get("id").asText()));
            }
            assertThat(accepted).as("messages accepted before the kills").hasSizeGreaterThan(CRASHES);

            try (TomNodeProcess sender = TomNodeProcess.start("sender-after", tom("node", "--listen",
                    "127.0.0.1:" + senderPort, "--data-dir", work.resolve("sender").toString(), "--json"), work);
                 TomNodeProcess receiver = TomNodeProcess.start("recipient", tom("node", "--listen", "127.0.0.1:0",
                         "--data-dir", work.resolve("recipient").toString(), "--bootstrap", bootstrap, "--json"),
                         work)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (!received(receiver).containsAll(accepted) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(received(receiver)).as("every accepted message reached the recipient\n%s\n%s", sender,
                        receiver).containsAll(accepted);
                List<String> ids = receiver.events().stream().filter(e -> e.get("event").asText().equals("message"))
                        .map(e -> e.get("id").asText()).toList();
                assertThat(ids).as("none twice").doesNotHaveDuplicates();
            }
        }
    }

    private static Set<String> received(TomNodeProcess receiver) {
        Set<String> ids = new HashSet<>();
        receiver.events().stream().filter(e -> e.get("event").asText().equals("message"))
                .forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
