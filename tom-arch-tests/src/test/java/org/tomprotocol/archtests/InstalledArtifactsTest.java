package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.archtests.support.InstalledArtifacts;
import org.tomprotocol.archtests.support.ModuleJars;
import org.tomprotocol.archtests.support.TomModule;

/**
 * ExternalPluginExampleTest builds the example only against this build's installed artifacts: a repository that
 * lacks them, or holds another build's, is reported artifact by artifact, and one holding this build's is not.
 */
class InstalledArtifactsTest {
    private static final String VERSION = "9.9.9-TEST";
    private static final Map<String, TomModule> SPI_ONLY = Map.of("tom-spi", TomModule.SPI);

    @TempDir
    Path repository;

    @Test
    void aRepositoryWithoutTheArtifactsIsReportedArtifactByArtifact() {
        assertThat(InstalledArtifacts.problems(repository, VERSION, SPI_ONLY)).containsExactly(
                "org.tomprotocol:tom-parent:9.9.9-TEST is not installed in " + repository,
                "org.tomprotocol:tom-spi:9.9.9-TEST is not installed in " + repository);
    }

    @Test
    void anArtifactFromAnotherBuildIsReported() throws IOException {
        installParent();
        Path jar = artifact("tom-spi");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("org/tomprotocol/spi/Old.class"));
            zip.write(new byte[] {(byte) 0xca, (byte) 0xfe});
        }

        assertThat(InstalledArtifacts.problems(repository, VERSION, SPI_ONLY))
                .containsExactly(jar + " holds other classes than this build's tom-spi");
    }

    @Test
    void thisBuildsArtifactIsAccepted() throws IOException {
        installParent();
        Files.copy(ModuleJars.require(TomModule.SPI).location(), artifact("tom-spi"));

        assertThat(InstalledArtifacts.problems(repository, VERSION, SPI_ONLY)).isEmpty();
    }

    private void installParent() throws IOException {
        Path pom = repository.resolve("org/tomprotocol/tom-parent/" + VERSION + "/tom-parent-" + VERSION + ".pom");
        Files.createDirectories(pom.getParent());
        try (OutputStream out = Files.newOutputStream(pom)) {
            out.write("<project/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private Path artifact(String artifactId) throws IOException {
        Path jar = repository.resolve("org/tomprotocol/" + artifactId + "/" + VERSION + "/" + artifactId + "-" + VERSION
                + ".jar");
        Files.createDirectories(jar.getParent());
        return jar;
    }
}
