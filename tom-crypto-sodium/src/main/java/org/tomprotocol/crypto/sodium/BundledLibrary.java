package org.tomprotocol.crypto.sodium;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The libsodium build inside this jar (libsodium 1.0.20, from lazysodium-java's bundle), loaded once. Only the
 * bundled build is used, never a system library, so the verification rules the differential tests pinned (canonical
 * S, no small-order R or key) cannot change with the host's packages. A shared library must be a file to be loaded:
 * it is copied into an owner-only temporary directory, loaded, and deleted at once.
 */
final class BundledLibrary {
    static final String RESOURCE_DIRECTORY = "/org/tomprotocol/crypto/sodium/native/";

    private BundledLibrary() {
    }

    /** The loaded library, or why it could not load (naming the exception, if one was thrown). */
    record Loaded(Libsodium library, String problem) {
    }

    private static final class Holder {
        static final Loaded LOADED = load();
    }

    /** Loads the library on first call; never throws. */
    static Loaded get() {
        return Holder.LOADED;
    }

    /** Loads another instance of the library (tests; nodes use {@link #get()}). */
    static Loaded load() {
        String platform = platform();
        String resource = RESOURCE_DIRECTORY + platform + "/libsodium.so";
        try (InputStream in = BundledLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return new Loaded(null, "no libsodium bundled for " + platform + " (only linux-x86_64)");
            }
            Path directory = Files.createTempDirectory("tom-sodium-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = directory.resolve("libsodium.so");
            SymbolLookup lookup;
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                lookup = SymbolLookup.libraryLookup(file, Libsodium.arena());
            } finally {
                // once loaded, the library stays mapped without its file: nothing is left behind, even after a kill
                Files.deleteIfExists(file);
                Files.deleteIfExists(directory);
            }
            Libsodium library = new Libsodium(lookup);
            if (library.init() < 0) {
                return new Loaded(null, "sodium_init() failed");
            }
            return new Loaded(library, null);
        } catch (IOException | RuntimeException | LinkageError e) {
            return new Loaded(null, "libsodium cannot be loaded: " + e);
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return (os.contains("linux") ? "linux" : os.replace(' ', '-')) + "-"
                + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch);
    }
}
