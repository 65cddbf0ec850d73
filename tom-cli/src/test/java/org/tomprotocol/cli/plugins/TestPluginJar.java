package org.tomprotocol.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a plugin jar the way a stranger would: one provider class compiled by {@code javac} against the test's
 * class path, registered in {@code META-INF/services}.
 */
public final class TestPluginJar {
    private TestPluginJar() {
    }

    /**
     * Compiles {@code source} (declaring {@code className}, a provider of {@code service}) and writes
     * {@code jarName} into {@code directory}, using {@code work} for scratch files.
     */
    public static Path build(Path work, Path directory, String jarName, String className, String source, Class<?> service)
            throws IOException, InterruptedException {
        Path sources = Files.createDirectories(work.resolve("src-" + jarName));
        Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        Path classes = work.resolve("classes-" + jarName);
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "--release", "21", "-cp", System.getProperty("java.class.path"), "-d", classes.toString(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor()).as("the test plugin compiles: %s", output).isZero();
        Files.createDirectories(directory);
        Path jar = directory.resolve(jarName);
        List<Path> compiled;
        try (Stream<Path> walk = Files.walk(classes)) {
            compiled = walk.filter(Files::isRegularFile).toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            for (Path classFile : compiled) {
                entries.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                entries.write(Files.readAllBytes(classFile));
            }
            entries.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
            entries.write((className + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
