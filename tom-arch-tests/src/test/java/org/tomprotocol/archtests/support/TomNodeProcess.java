package org.tomprotocol.archtests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@code tom node --json} process that a test reads event by event: each line of its output is parsed as it
 * comes, and {@link #await} waits for an event, bounded. Closing it stops the process (forcibly if it lingers).
 */
public final class TomNodeProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode END = JSON.createObjectNode().put("event", "(end of output)");

    private final String name;
    private final Process process;
    private final Path stderr;
    private final LinkedBlockingQueue<JsonNode> unread = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private TomNodeProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        Thread.ofPlatform().daemon().name("tom-node-output-" + name).start(this::readOutput);
    }

    /** Starts {@code command} (a {@code tom node … --json}), its stderr kept in a file beside {@code work}. */
    public static TomNodeProcess start(String name, List<String> command, Path work) {
        try {
            Path stderr = Files.createTempFile(work, name, ".stderr");
            Process process = new ProcessBuilder(command).directory(work.toFile())
                    .redirectError(stderr.toFile()).start();
            return new TomNodeProcess(name, process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                JsonNode event = parse(line);
                events.add(event);
                unread.add(event);
            }
        } catch (IOException e) {
            // the process was stopped
        } finally {
            unread.add(END);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return JSON.createObjectNode().put("event", "(not JSON)").put("line", line);
        }
    }

    /**
     * The next event that {@code wanted} accepts, waiting at most {@code patience} for it.
     *
     * @throws AssertionError naming the node, what it printed and its stderr, if none comes
     */
    public JsonNode await(String what, Predicate<JsonNode> wanted, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonNode event = unread.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null || event == END) {
                throw new AssertionError(name + ": no " + what + " within " + patience + (event == END
                        ? " (the node exited)" : "") + "\n" + this);
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Every event printed so far. */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Kills the process as {@code kill -9} does (SIGKILL): no shutdown hook, nothing flushed, and waits for it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        String errors;
        try {
            errors = Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors = "(unreadable: " + e + ")";
        }
        return "--- " + name + " printed\n" + String.join("\n", events.stream().map(JsonNode::toString).toList())
                + "\n--- " + name + " stderr\n" + errors;
    }
}
