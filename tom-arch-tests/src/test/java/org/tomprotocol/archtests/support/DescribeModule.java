package org.tomprotocol.archtests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/** {@code jar --describe-module} of a module, without what varies between machines and builds. */
public final class DescribeModule {
    private static final Pattern VERSION = Pattern.compile("@[0-9][^\\s]*");
    private static final Pattern LOCATION = Pattern.compile(" (jar:)?file:\\S*$");

    private DescribeModule() {
    }

    /**
     * The normalised description: the first line is the module name alone (no version, no location), and
     * trailing blank lines are dropped.
     */
    public static String of(ModuleJar module) {
        if (module.isJar()) {
            return normalise(run("--describe-module", "--file", module.location().toString()));
        }
        // A reactor build that stopped before packaging: describe a jar of the classes directory.
        try {
            Path jar = Files.createTempFile(module.name(), ".jar");
            try {
                run("--create", "--file", jar.toString(), "-C", module.location().toString(), ".");
                return normalise(run("--describe-module", "--file", jar.toString()));
            } finally {
                Files.deleteIfExists(jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String normalise(String description) {
        List<String> lines = description.lines()
                .map(line -> LOCATION.matcher(line).replaceAll(""))
                .map(line -> VERSION.matcher(line).replaceAll(""))
                .map(String::stripTrailing)
                .collect(Collectors.toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String run(String... args) {
        ToolProvider jar = ToolProvider.findFirst("jar")
                .orElseThrow(() -> new AssertionError("no jar tool: run the tests on a JDK, not a JRE"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = jar.run(outStream, errStream, args);
        }
        if (exit != 0) {
            throw new AssertionError("jar " + String.join(" ", args) + " failed (" + exit + "): "
                    + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
