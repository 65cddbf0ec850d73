package org.tomprotocol.cli.node;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code tom} in its own JVM on this test's class path, its {@code --json} events read line by line. */
final class TomProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TomProcess() {
    }

    /** Starts {@code tom args…} with extra JVM options; its standard error goes to {@code work/stderr.txt}. */
    static Process start(Path work, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.tomprotocol.cli.TomCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve("stderr.txt").toFile());
        builder.environment().put("TOM_LOG_FORMAT", "json");
        builder.environment().put("TOM_LOG_LEVEL", "FINE");
        return builder.start();
    }

    /** Hands every stdout line of {@code process}, parsed, to a queue. */
    static BlockingQueue<JsonNode> events(Process process) {
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    events.add(JSON.readTree(line));
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        return events;
    }

    /** The next event named {@code event}, waiting up to 60 s. */
    static JsonNode await(BlockingQueue<JsonNode> events, String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode next = events.poll(1, TimeUnit.SECONDS);
            if (next != null && next.get("event").asText().equals(event)) {
                return next;
            }
        }
        throw new AssertionError("tom printed no '" + event + "' event");
    }

    /** Stops it, forcibly if it takes more than 20 s. */
    static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
