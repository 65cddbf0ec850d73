package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomprotocol.archtests.support.DescribeModule;
import org.tomprotocol.archtests.support.ModuleJar;
import org.tomprotocol.archtests.support.ModuleJars;
import org.tomprotocol.archtests.support.TomModule;

/**
 * Each module's descriptor, as {@code jar --describe-module} prints it, equals its checked-in golden file
 * {@code src/test/resources/describe-module/<module>.txt}: a change to requires, exports, opens, uses,
 * provides or the package list shows up in review. After an intended change, regenerate them with
 * <pre>./mvnw -B -o -q -pl tom-arch-tests verify -Dtest=DescribeModuleGoldenTest -Dtom.updateGolden=true</pre>
 * (build the changed module first) and review the diff.
 */
class DescribeModuleGoldenTest {
    private static final String REGENERATE = "./mvnw -B -o -q -pl tom-arch-tests verify "
            + "-Dtest=DescribeModuleGoldenTest -Dtom.updateGolden=true";
    private static final Path GOLDEN_DIR = Path.of(System.getProperty("tom.goldenDir",
            "src/test/resources/describe-module"));
    private static final boolean UPDATE = Boolean.getBoolean("tom.updateGolden");

    static Collection<ModuleJar> modules() {
        TomModule.REQUIRED.forEach(ModuleJars::require);
        return ModuleJars.all().values();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void descriptorMatchesItsGoldenFile(ModuleJar module) throws IOException {
        String actual = DescribeModule.of(module);
        Path golden = GOLDEN_DIR.resolve(module.name() + ".txt");
        if (UPDATE) {
            Files.createDirectories(GOLDEN_DIR);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file of %s: create it with %s", module.name(), REGENERATE).isRegularFile();
        assertThat(actual)
                .as("jar --describe-module of %s (%s) differs from %s; if the change is intended, run %s",
                        module.name(), module.location(), golden, REGENERATE)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void everyGoldenFileBelongsToAModuleThatIsCovered() throws IOException {
        Set<String> goldenModules = new TreeSet<>();
        try (var files = Files.list(GOLDEN_DIR)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".txt"))
                    .forEach(name -> goldenModules.add(name.substring(0, name.length() - ".txt".length())));
        }

        assertThat(ModuleJars.all().keySet())
                .as("modules with a golden file in %s must be on the class path (stale file, or a dependency "
                        + "missing from tom-arch-tests/pom.xml)", GOLDEN_DIR)
                .containsAll(goldenModules);
    }

    @Test
    void normalisingDropsTheLocationAndVersionsButKeepsTheDescriptor() {
        String raw = "org.tomprotocol.api@0.1.0-SNAPSHOT jar:file:///home/me/.m2/tom-api.jar!/module-info.class\n"
                + "exports org.tomprotocol.api\nrequires java.base mandated\nrequires foo@1.2.3 transitive\n\n\n";

        assertThat(DescribeModule.normalise(raw)).isEqualTo("org.tomprotocol.api\nexports org.tomprotocol.api\n"
                + "requires java.base mandated\nrequires foo transitive\n");
    }
}
