package org.tomprotocol.crypto.sodium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The bundled libsodium loads from the jar and leaves no file behind (its copy is deleted once mapped). */
class BundledLibraryTest {
    @Test
    void theBundledLibraryLoadsAndItsTemporaryCopyIsGoneAtOnce() throws IOException {
        Set<String> before = copies();

        BundledLibrary.Loaded loaded = BundledLibrary.load();

        assertThat(loaded.problem()).as("why it did not load").isNull();
        assertThat(loaded.library().init()).as("sodium_init: already initialised").isEqualTo(1);
        assertThat(copies()).as("temporary copies of the library").isSubsetOf(before);
    }

    private static Set<String> copies() throws IOException {
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return temporary.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tom-sodium-"))
                    .collect(Collectors.toSet());
        }
    }
}
