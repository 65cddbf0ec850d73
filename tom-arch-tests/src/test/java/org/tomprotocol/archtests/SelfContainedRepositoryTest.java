package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository tests itself: a fresh {@code git clone} and the README's test command pass on a machine that
 * has nothing else. So no test, build file or script may reach for a file outside the repository — by a
 * relative path that climbs out of it, or by an absolute path on the developers' machines.
 */
class SelfContainedRepositoryTest {
    private static final Set<String> CHECKED_NAMES = Set.of("pom.xml", "run", "jvm.config", "maven.config");
    private static final Set<String> CHECKED_SUFFIXES = Set.of(".java", ".sh", ".py", ".properties", ".xml");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".mvn/wrapper");
    private static final Pattern CLIMB = Pattern.compile("(?:\\.\\./)+[A-Za-z0-9_.${}-]*");
    private static final Pattern MACHINE_PATH = Pattern.compile("[\"' =>](/work/|/home/|/root/)[A-Za-z0-9_./-]*");

    /** Where a path in {@code file} points outside {@code root}, one line each; empty when nowhere. */
    static List<String> escapes(Path root, Path file, String content) {
        List<String> found = new ArrayList<>();
        Path base = file.getParent();
        // tests run with their module as the working directory: a test's relative path starts there
        Path module = moduleOf(root, file);
        Matcher climb = CLIMB.matcher(content);
        while (climb.find()) {
            String path = climb.group();
            for (Path from : List.of(base, module)) {
                Path resolved = from.resolve(path).normalize();
                if (!resolved.startsWith(root)) {
                    found.add(root.relativize(file) + ": '" + path + "' leaves the repository");
                    break;
                }
            }
        }
        Matcher machine = MACHINE_PATH.matcher(content);
        while (machine.find()) {
            found.add(root.relativize(file) + ": '" + machine.group().substring(1) + "' is a path on one machine");
        }
        return found;
    }

    private static Path moduleOf(Path root, Path file) {
        Path relative = root.relativize(file);
        return relative.getNameCount() > 1 ? root.resolve(relative.getName(0)) : root;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (where mvnw is)").isNotNull();
        return dir;
    }

    private static boolean checked(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (SKIPPED_DIRECTORIES.stream().anyMatch(d -> relative.startsWith(d + "/") || relative.contains("/" + d + "/"))) {
            return false;
        }
        if (relative.contains("/src/main/") || relative.startsWith("docs/")) {
            return false; // product code and prose may mention paths; what a build or a test reads is checked
        }
        String name = file.getFileName().toString();
        return CHECKED_NAMES.contains(name) || CHECKED_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    @Test
    void noTestBuildFileOrScriptReadsAFileOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> checked(root, f)).toList()) {
                try {
                    found.addAll(escapes(root, file, Files.readString(file, StandardCharsets.UTF_8)));
                } catch (MalformedInputException e) {
                    // not text
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aTestReadingVectorsBesideTheCloneIsReported() {
        Path root = Path.of("/repo");
        Path test = root.resolve("tom-crypto/src/test/java/org/tomprotocol/crypto/WycheproofFile.java");

        // built from pieces, so this file itself does not read as a test that leaves the repository
        List<String> found = escapes(root, test, "Path.of(System.getProperty(\"x\", \"" + ".." + "/.." + "/shared\"))");

        assertThat(found).singleElement().asString().contains("/../" + "shared' leaves the repository");
    }

    @Test
    void aPathOnADevelopersMachineIsReported() {
        Path root = Path.of("/repo");
        Path pom = root.resolve("pom.xml");

        assertThat(escapes(root, pom, "<dir>/wo" + "rk/shared/vectors</dir>")).singleElement().asString()
                .contains("shared/vectors' is a path on one machine");
    }

    @Test
    void pathsThatStayInsideTheRepositoryPass() {
        Path root = Path.of("/repo");
        Path script = root.resolve("scripts/image-figures.sh");

        assertThat(escapes(root, script, "image=\"$(cd \"$(dirname \"$0\")/../tom-distribution/target/image\")\""))
                .isEmpty();
    }
}
