package org.tomprotocol.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.spi.store.Store;

/**
 * {@code kill -9} at a random instant loses nothing the store had accepted: a real child process writes groups of
 * entries ({@link CrashingWriter}) and says so after each call returns; it is killed with SIGKILL while it writes,
 * and the store, reopened, holds every group it acknowledged, byte for byte, and every group whole or not at all.
 * Several rounds on the same directory, so each crash also meets the log left by the one before.
 */
class CrashTest {
    private static final int ROUNDS = 5;
    private static final long SEED = 20261204L;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyWriteAcknowledgedBeforeAKillNineIsThereAfterItAndNoBatchIsHalfWritten() throws Exception {
        Path store = dir.resolve("data");
        Path nativeCopies = Files.createDirectory(dir.resolve("native"));
        SplittableRandom random = new SplittableRandom(SEED);
        Map<Long, Integer> acknowledged = new HashMap<>();
        Map<Long, Integer> started = new HashMap<>();
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long firstGroup = round * 1_000_000L;
            int killAfter = 20 + random.nextInt(200);
            long killDelayMicros = random.nextLong(3_000);
            int acks = runAndKill(store, nativeCopies, firstGroup, random.nextLong(), killAfter, killDelayMicros,
                    started, acknowledged);
            assertThat(acks).as("round %d: the child acknowledged writes before it was killed", round)
                    .isGreaterThanOrEqualTo(killAfter);

            Map<Long, Integer> found = groupsIn(store);
            acknowledged.forEach((group, size) -> assertThat(found.get(group))
                    .as("group %d (%d entries) was acknowledged before the kill", group, size).isEqualTo(size));
            found.forEach((group, count) -> assertThat(count)
                    .as("group %d is whole: a batch is all or nothing", group).isEqualTo(started.get(group)));
            long inFlight = firstGroup + acks;
            assertThat(found.keySet()).as("nothing but what was acknowledged, and groups in flight at a kill")
                    .allMatch(group -> acknowledged.containsKey(group) || started.containsKey(group));
            rounds.add("round " + round + ": " + acks + " acknowledged, killed " + killDelayMicros
                    + " µs after the last one read; the group in flight (" + started.getOrDefault(inFlight, 0)
                    + " entries) " + (found.containsKey(inFlight) ? "written whole" : "absent"));
        }
        // what each round did, for review
        Files.write(Path.of("target", "crash-test-rounds.txt"), rounds);
    }

    /** Runs a writer, reads its acknowledgements until {@code killAfter}, waits a little more and kills it. */
    private static int runAndKill(Path store, Path nativeCopies, long firstGroup, long seed, int killAfter,
            long killDelayMicros, Map<Long, Integer> started, Map<Long, Integer> acknowledged) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Dorg.sqlite.tmpdir=" + nativeCopies, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), store.toString(), Long.toString(firstGroup), Long.toString(seed)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int acks = 0;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).as("the writer opened the store").isEqualTo("ready");
            while (acks < killAfter) {
                String line = output.readLine();
                assertThat(line).as("the writer is still writing").isNotNull();
                acks += record(line, started, acknowledged);
            }
            TimeUnit.MICROSECONDS.sleep(killDelayMicros);
            // SIGKILL through the handle: Process.destroyForcibly would also close the pipe still to be read
            writer.toHandle().destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("the writer died").isTrue();
            // acknowledgements printed between the last one read and the kill count too
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                acks += record(line, started, acknowledged);
            }
        } finally {
            writer.destroyForcibly();
        }
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return acks;
    }

    /** Records a line of the writer; returns 1 for an acknowledgement. */
    private static int record(String line, Map<Long, Integer> started, Map<Long, Integer> acknowledged) {
        String[] words = line.split(" ");
        if (words.length != 3) {
            return 0; // a line cut by the kill
        }
        Map<Long, Integer> to = words[0].equals("ack") ? acknowledged : started;
        to.put(Long.parseLong(words[1]), Integer.parseInt(words[2]));
        return to == acknowledged ? 1 : 0;
    }

    /** Every group in the store with how many of its entries are there, each checked byte for byte. */
    private static Map<Long, Integer> groupsIn(Path directory) throws IOException {
        Map<Long, Integer> groups = new TreeMap<>();
        try (Store store = new SqliteStoreProvider().open(directory)) {
            for (String key : store.keys(CrashingWriter.NAMESPACE, CrashingWriter.EXPIRY.minusSeconds(1))) {
                String[] parts = key.split("/");
                long group = Long.parseLong(parts[0]);
                int index = Integer.parseInt(parts[1]);
                assertThat(store.get(CrashingWriter.NAMESPACE, key, CrashingWriter.EXPIRY.minusSeconds(1)))
                        .as("entry %s whole", key).hasValue(CrashingWriter.value(group, index));
                groups.merge(group, 1, Integer::sum);
            }
        }
        groups.forEach((group, count) -> assertThat(count).as("group %d", group).isPositive());
        return groups;
    }
}
