package org.tomprotocol.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * The database file of a data directory, before SQLite opens it. As for the identity seed file: a directory created
 * here is its owner's alone (0700) and so is the file (0600), which SQLite's write-ahead log inherits; an existing
 * file that others may read or write is refused with the {@code chmod} to run. A file that is not a SQLite database
 * is refused here, before SQLite could write to it.
 */
final class StoreFile {
    /** The database file's name in the data directory. */
    static final String NAME = "tom.db";

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** A SQLite database file is empty (not yet written) or holds at least its 100-byte header. */
    private static final int HEADER_BYTES = 100;
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private StoreFile() {
    }

    /** Creates {@code directory} and an empty database file if needed, checks an existing one; returns the file. */
    static Path prepare(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                Files.createDirectories(absolute);
            }
        } catch (FileSystemException inTheWay) {
            // a file where the directory or one of its parents should be (FileAlreadyExists, "Not a directory")
            throw new StoreFileException("data directory " + absolute + " cannot be created: " + inTheWay.getFile()
                    + (inTheWay.getReason() == null ? " is in the way" : ": " + inTheWay.getReason())
                    + ": give the node a directory for its data", inTheWay);
        }
        Path file = absolute.resolve(NAME);
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
            return file;
        } catch (FileAlreadyExistsException existing) {
            check(file, posix);
            return file;
        }
    }

    private static void check(Path file, boolean posix) throws IOException {
        BasicFileAttributes attributes = posix
                ? Files.readAttributes(file, PosixFileAttributes.class)
                : Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new StoreFileException("store file " + file + " is not a regular file: move it away, or give"
                    + " the node another data directory");
        }
        if (attributes instanceof PosixFileAttributes owned) {
            checkOwnerOnly(file, owned.permissions());
        }
        if (attributes.size() > 0 && !startsLikeSqlite(file, attributes.size())) {
            throw new StoreFileException("store file " + file + " is not a SQLite database, so not a ToM store:"
                    + " it was left untouched; move it away (a new store is then created) or give the node another"
                    + " data directory");
        }
    }

    private static boolean startsLikeSqlite(Path file, long size) throws IOException {
        if (size < HEADER_BYTES) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(SQLITE_MAGIC, in.readNBytes(SQLITE_MAGIC.length));
        }
    }

    private static void checkOwnerOnly(Path file, Set<PosixFilePermission> permissions) throws StoreFileException {
        boolean readable = permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ);
        boolean writable = permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (readable || writable) {
            String access = readable && writable ? "readable and writable" : readable ? "readable" : "writable";
            throw new StoreFileException("store file " + file + " is " + access + " by other users (mode "
                    + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + file);
        }
    }
}
