package org.tomprotocol.crypto;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

import org.tomprotocol.api.IdentityException;
import org.tomprotocol.spi.crypto.StoredIdentity;

/**
 * The identity seed file: exactly the 32 raw seed bytes, readable and writable by its owner only.
 *
 * <p>Creation is atomic: the seed goes to a temporary file (mode 0600) in the same directory, is forced to
 * disk, and is then hard-linked to its name, which fails rather than replaces if another process created the
 * identity meanwhile; the winner's identity is then loaded. Nobody ever sees a partly written seed file.
 */
final class SeedFile {
    private static final System.Logger LOG = System.getLogger(SeedFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private SeedFile() {
    }

    /** Loads the identity in {@code file}, or creates a new one there. */
    static StoredIdentity loadOrCreate(Path file) {
        Path path = file.toAbsolutePath();
        if (Files.exists(path)) {
            return new StoredIdentity(load(path), path, false);
        }
        return create(path);
    }

    private static Ed25519Identity load(Path file) {
        BasicFileAttributes attributes = readAttributes(file);
        if (!attributes.isRegularFile()) {
            throw new IdentityException("identity file " + file + " is not a regular file: give the path of the"
                    + " 32-byte seed file (it is created if missing)");
        }
        if (attributes.size() != Ed25519Identity.SEED_LENGTH) {
            throw wrongSize(file, attributes.size());
        }
        if (attributes instanceof PosixFileAttributes posix) {
            checkOwnerOnly(file, posix.permissions());
        }
        byte[] seed;
        try {
            seed = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IdentityException("cannot read identity file " + file + ": " + e.getMessage()
                    + ": check that it exists and that this user may read it", e);
        }
        try {
            if (seed.length != Ed25519Identity.SEED_LENGTH) {
                throw wrongSize(file, seed.length);
            }
            return new Ed25519Identity(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static BasicFileAttributes readAttributes(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.readAttributes(file, PosixFileAttributes.class);
            }
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new IdentityException("cannot read identity file " + file + ": " + e.getMessage()
                    + ": check that it exists and that this user may read it", e);
        }
    }

    private static IdentityException wrongSize(Path file, long size) {
        return new IdentityException("identity file " + file + " has " + size + " bytes, but an identity seed is"
                + " exactly " + Ed25519Identity.SEED_LENGTH + " bytes: restore the file from a backup, or move it"
                + " away to create a new identity (the node id will change)");
    }

    private static void checkOwnerOnly(Path file, Set<PosixFilePermission> permissions) {
        boolean readable = permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ);
        boolean writable = permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (readable || writable) {
            String access = readable && writable ? "readable and writable" : readable ? "readable" : "writable";
            throw new IdentityException("identity file " + file + " is " + access + " by other users (mode "
                    + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + file);
        }
    }

    private static StoredIdentity create(Path file) {
        Path directory = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        byte[] seed = SharedRandom.bytes(Ed25519Identity.SEED_LENGTH);
        Path temporary = null;
        try {
            createDirectories(directory, posix);
            temporary = writeTemporary(directory, file.getFileName().toString(), seed, posix);
            if (!publish(temporary, file)) {
                return new StoredIdentity(load(file), file, false);
            }
            forceDirectory(directory);
            Ed25519Identity identity = new Ed25519Identity(seed);
            LOG.log(Level.INFO, "created identity file {0} for node {1}", file, identity.id());
            return new StoredIdentity(identity, file, true);
        } catch (IOException e) {
            throw new IdentityException("cannot create identity file " + file + ": " + e.getMessage()
                    + ": check that this user may write to " + directory, e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            deleteQuietly(temporary); // after a hard link the seed has two names; after a move this is a no-op
        }
    }

    private static void createDirectories(Path directory, boolean posix) throws IOException {
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static Path writeTemporary(Path directory, String name, byte[] seed, boolean posix) throws IOException {
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + name + ".", ".tmp", attributes);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(seed);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
        return temporary;
    }

    /**
     * Gives the complete temporary file its final name without replacing an existing file.
     *
     * @return false if another process created the file first
     */
    private static boolean publish(Path temporary, Path file) throws IOException {
        try {
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // No hard links here (e.g. some FUSE or FAT file systems): a plain move that refuses to replace a
            // file is the next best thing; only its existence check is not atomic.
            try {
                Files.move(temporary, file);
                return true;
            } catch (FileAlreadyExistsException alreadyThere) {
                return false;
            }
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open or sync a directory; the file itself was forced before linking.
            LOG.log(Level.DEBUG, "could not sync directory {0}: {1}", directory, e.toString());
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete temporary identity file {0}: {1}", path, e.toString());
        }
    }
}
