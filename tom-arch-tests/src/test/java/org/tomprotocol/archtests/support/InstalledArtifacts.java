package org.tomprotocol.archtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

/**
 * The ToM artifacts in the local Maven repository, as a project outside this build (a plugin author's, or
 * {@code examples/}) resolves them: they must be there, and be this build's, or such a project would be built
 * against nothing or against an older ToM without anyone noticing.
 */
public final class InstalledArtifacts {
    private InstalledArtifacts() {
    }

    /** The local Maven repository of the build running the tests ({@code settings.localRepository}). */
    public static Path localRepository() {
        String configured = System.getProperty("tom.localRepository");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The version this build installs. */
    public static String version() {
        String version = System.getProperty("tom.version");
        if (version == null || version.isBlank()) {
            throw new AssertionError("the tom.version system property is not set: run the tests through Maven");
        }
        return version;
    }

    /**
     * Why the {@code artifactIds} installed in {@code repository} are not this build's, one sentence each: missing, or holding other
     * classes than the jars of {@code modules} on the test class path. Jar entries are compared by name and
     * CRC, so jars rebuilt from the same sources match; Maven's own metadata is left out.
     */
    public static List<String> problems(Path repository, String version, Map<String, TomModule> artifactIds) {
        List<String> problems = new ArrayList<>();
        Path parent = repository.resolve("org/tomprotocol/tom-parent/" + version + "/tom-parent-" + version + ".pom");
        if (!Files.isRegularFile(parent)) {
            problems.add("org.tomprotocol:tom-parent:" + version + " is not installed in " + repository);
        }
        artifactIds.forEach((artifactId, module) -> {
            Path installed = repository.resolve("org/tomprotocol/" + artifactId + "/" + version + "/" + artifactId
                    + "-" + version + ".jar");
            if (!Files.isRegularFile(installed)) {
                problems.add("org.tomprotocol:" + artifactId + ":" + version + " is not installed in " + repository);
            } else if (!contents(installed).equals(contents(ModuleJars.require(module).location()))) {
                problems.add(installed + " holds other classes than this build's " + artifactId);
            }
        });
        return problems;
    }

    /** Each entry's name and CRC, Maven's metadata left out. */
    private static Map<String, Long> contents(Path jar) {
        Map<String, Long> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().filter(entry -> !entry.isDirectory() && !entry.getName().startsWith("META-INF/maven/"))
                    .forEach(entry -> entries.put(entry.getName(), entry.getCrc()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return entries;
    }
}
