package org.tomprotocol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Node.js in the module directory, where the browser node's sources and node_modules are. */
final class NodeJs {
    /** The @noble packages need Node.js 20.19 or later. */
    private static final int[] REQUIRED = {20, 19};

    private NodeJs() {
    }

    /** What a run printed, and how it ended. */
    record Run(int exitCode, String output) {
    }

    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** Fails with what to install unless a recent enough {@code node} is on the PATH. */
    static void requireRecentNode() throws IOException, InterruptedException {
        Run version = run(List.of("--version"), 30);
        Matcher matcher = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version.output());
        assertThat(matcher.find()).as("node --version printed a version: install Node.js 20.19 or later")
                .isTrue();
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        assertThat(major > REQUIRED[0] || major == REQUIRED[0] && minor >= REQUIRED[1])
                .as("Node.js %s is too old for the browser node's packages: install Node.js 20.19 or later",
                        version.output().strip())
                .isTrue();
    }

    static Run run(List<String> arguments, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(moduleDirectory().toFile()).redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("node " + arguments + " ran longer than " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
