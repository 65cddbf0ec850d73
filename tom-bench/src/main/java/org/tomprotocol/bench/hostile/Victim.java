package org.tomprotocol.bench.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The victim's process, seen from the report: its id and address, its stats, its memory and CPU. */
final class Victim implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    final NodeId id;
    final TransportAddress address;

    Victim(String maxHeap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx" + maxHeap, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                VictimMain.class.getName())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            throw new IOException("the victim did not start: " + ready);
        }
        String[] parts = ready.split(" ");
        id = NodeId.parse(parts[1]);
        address = TransportAddress.parse(parts[2]);
    }

    JsonNode stats() throws IOException {
        in.println("stats");
        return JSON.readTree(out.readLine());
    }

    long counter(String name) throws IOException {
        return stats().path("counters").path(name).asLong(0);
    }

    /** Resident memory, from /proc. */
    double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for the victim");
    }

    /** CPU time used so far (user + system), from /proc. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    @Override
    public void close() throws InterruptedException {
        in.println("quit");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
