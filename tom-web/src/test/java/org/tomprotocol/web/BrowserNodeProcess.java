package org.tomprotocol.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A browser node in a Node.js child process, driven by the line protocol of {@code tools/commands.js}: commands go
 * to its standard input; its {@code frame} lines go to a consumer, every other line it prints is kept for
 * {@link #next}.
 */
final class BrowserNodeProcess implements AutoCloseable {
    private final Process process;
    private final Writer input;
    private final String[] ready;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    /** Starts {@code node arguments…} in the module directory and waits for its {@code ready} line. */
    BrowserNodeProcess(List<String> arguments, Consumer<String> frameLines) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(arguments);
        process = new ProcessBuilder(command).directory(NodeJs.moduleDirectory().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String line = output.readLine();
        if (line == null || !line.startsWith("ready ")) {
            process.destroy();
            throw new IOException("the browser node did not start: " + line);
        }
        ready = line.split(" ");
        Thread.ofPlatform().daemon().name("browser-node-output").start(() -> {
            try {
                for (String next = output.readLine(); next != null; next = output.readLine()) {
                    if (next.startsWith("frame ")) {
                        frameLines.accept(next);
                    } else {
                        events.add(next);
                    }
                }
            } catch (IOException e) {
                events.add("closed " + e.getMessage());
            }
        });
    }

    /** The words of its {@code ready} line: {@code ready <own node id> [<endpoint node id>]}. */
    String ready(int word) {
        return ready[word];
    }

    synchronized void command(String line) throws IOException {
        input.write(line + "\n");
        input.flush();
    }

    /** The next line it printed that starts with {@code prefix}, waiting up to 10 s. */
    String next(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = events.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the browser node printed no '" + prefix + "' line within 10 s");
    }

    @Override
    public void close() {
        process.destroy();
    }
}
