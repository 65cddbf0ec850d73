package org.tomprotocol.archtests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real process to completion and keeps its output, for tests of what a user would type. */
public final class JavaProcess {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    /** What a finished process did. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout\n" + stdout
                    + "\n--- stderr\n" + stderr;
        }
    }

    private JavaProcess() {
    }

    /** The {@code java} launcher of the JDK running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Options that keep a Java 23+ launch free of sun.misc.Unsafe warnings, as {@code ./tom} passes them. */
    public static List<String> quietJvmOptions() {
        return Runtime.version().feature() >= 23 ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
    }

    /** The class path entries as one {@code --module-path} or {@code -cp} argument. */
    public static String pathOf(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** Runs {@code command} in {@code directory} with extra environment variables; fails after a minute. */
    public static Result run(List<String> command, Path directory, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("tom-process", ".out");
            Path err = Files.createTempFile("tom-process", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("still running after " + TIMEOUT + ": " + String.join(" ", command));
                }
                return new Result(new ArrayList<>(command), process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }
}
