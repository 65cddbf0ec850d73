package org.tomprotocol.cli.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The flooder of {@code tom stress flood --flooder-cpu C} in a process of its own ({@code tom stress flooder}),
 * pinned to CPU {@code C} while this process is pinned to the others (Linux, {@code taskset}): a real flooder signs,
 * seals and mints on its own machine, so here it does on its own core, and what the flood costs the honest nodes is
 * what it costs the relay. Started with the same Java and arguments as this process.
 */
final class FlooderProcess implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private FlooderProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Why {@code cpu} cannot hold the flooder here, or {@code null} if it can. */
    static String unusable(int cpu) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2) {
            return "--flooder-cpu needs at least 2 CPUs, this machine has " + cpus;
        }
        if (cpu < 0 || cpu >= cpus) {
            return "--flooder-cpu must be a CPU between 0 and " + (cpus - 1) + ", got " + cpu;
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return "--flooder-cpu pins processes with Linux's taskset; this is " + System.getProperty("os.name");
        }
        return null;
    }

    /**
     * Pins this process to every CPU but {@code cpu}, starts the flooder on {@code cpu} and waits until it got a
     * first message through the relay.
     */
    static FlooderProcess start(int cpu, TransportAddress relayAddress, NodeId relay, NodeId recipient, int rate,
                                int seconds, int stampBits) throws IOException, InterruptedException {
        String others = IntStream.range(0, Runtime.getRuntime().availableProcessors()).filter(c -> c != cpu)
                .mapToObj(Integer::toString).collect(Collectors.joining(","));
        run(List.of("taskset", "-a", "-p", "-c", others, Long.toString(ProcessHandle.current().pid())));
        List<String> command = new ArrayList<>(List.of("taskset", "-c", Integer.toString(cpu)));
        command.addAll(sameJavaUpTo("stress"));
        command.addAll(List.of("stress", "flooder", "--relay", relayAddress.toString(), "--relay-id", relay.toHex(),
                "--to", recipient.toHex(), "--rate", Integer.toString(rate), "--seconds", Integer.toString(seconds),
                "--stamp-bits", Integer.toString(stampBits)));
        FlooderProcess flooder = new FlooderProcess(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        flooder.awaitEvent("ready");
        return flooder;
    }

    /** Floods now; {@link #result} waits for its end. */
    void go() throws IOException {
        in.write("go\n");
        in.flush();
    }

    /** What the flooder reports once it is done: its {@code flooder_result} line. */
    Map<String, Object> result() throws IOException {
        return awaitEvent("flooder_result");
    }

    private Map<String, Object> awaitEvent(String event) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = MAPPER.readValue(line, Map.class);
            if (event.equals(parsed.get("event"))) {
                return parsed;
            }
        }
        throw new IllegalStateException("the flooder process ended before '" + event + "' (exit "
                + exitCode() + ")");
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "none yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The Java command line of this process (Linux's /proc/self/cmdline), up to (not including) {@code stop}. */
    private static List<String> sameJavaUpTo(String stop) throws IOException {
        String[] arguments = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/cmdline")),
                StandardCharsets.UTF_8).split("\0");
        List<String> command = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals(stop)) {
                return command;
            }
            command.add(argument);
        }
        throw new IllegalStateException("this process was not started as 'tom " + stop + " …'");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
