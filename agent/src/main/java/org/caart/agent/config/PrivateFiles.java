package org.caart.agent.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Files only the agent's own user may read (its secret, its spooled results). On POSIX file systems new directories
 * get 0700 and files 0600 from the moment they exist; elsewhere (Windows) a file's access list is cut down to its
 * owner and SYSTEM, best effort. Files are written atomically: a temporary file in the same directory, flushed to disk, then
 * moved over the target, so a crash leaves the old or the new content, never half of it.
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /** Creates the directory and missing parents (0700 on POSIX); an existing directory is left as it is. */
    public static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix(existingAncestor(directory))) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /**
     * Replaces {@code file} with {@code content}, readable by the owner only. Returns false when the file system could
     * not restrict access (the caller warns); the content is written all the same.
     */
    public static boolean write(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        createDirectory(directory);
        boolean posix = posix(directory);
        String prefix = "." + file.getFileName();
        Path temp = posix ? Files.createTempFile(directory, prefix, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, prefix, ".tmp");
        try {
            boolean restricted = posix || ownerOnly(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, file);
            return restricted;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Optional<UserPrincipal> system(Path file) {
        try {
            return Optional.of(file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("SYSTEM"));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static Path existingAncestor(Path directory) {
        Path path = directory.toAbsolutePath();
        while (path.getParent() != null && !Files.exists(path)) {
            path = path.getParent();
        }
        return path;
    }

    /**
     * Replaces the access list by full control for the owner and for SYSTEM (the account a Windows service runs as
     * usually, while an administrator enrolls). False when that is not possible.
     */
    private static boolean ownerOnly(Path file) {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return false;
        }
        try {
            List<UserPrincipal> principals = new ArrayList<>(List.of(acl.getOwner()));
            system(file).filter(system -> !system.equals(principals.get(0))).ifPresent(principals::add);
            acl.setAcl(principals.stream().map(principal -> AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                    .setPrincipal(principal).setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()).toList());
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            System.getLogger(PrivateFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot restrict " + file + " to its owner", e);
            return false;
        }
    }
}
