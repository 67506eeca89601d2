package org.caart.agent.remediation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Files of the host being fixed, below {@code root} ("/" in production, a fixture tree in tests). Writes are
 * atomic (a temporary file in the same folder, forced to disk, moved over the target, the folder forced) and keep
 * the file's mode and owner; {@link #capture} and {@link #restore} keep and put back a file byte for byte with its
 * mode and owner, or its absence. Symbolic links are refused: writing through one would replace the link.
 */
public final class RootedFiles {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path root;

    public RootedFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Whether this is the machine's own root, where live changes (kernel, services) are made. */
    public boolean realRoot() {
        return root.getParent() == null;
    }

    public Path resolve(String hostPath) {
        Path relative = Path.of("/").relativize(Path.of("/").resolve(hostPath).normalize());
        return root.resolve(relative.toString());
    }

    public Optional<byte[]> read(String hostPath) {
        Path path = regular(hostPath);
        try {
            return Files.exists(path, NO_FOLLOW) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            throw new RemediationException("cannot read " + hostPath + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file as it is now, for a change of one line (or stanza) {@code name} in it: kept in {@link Saved#name()}
     * so that this change alone can be undone when the file changed again later.
     */
    public Saved capture(String hostPath, String name) {
        Saved file = capture(hostPath);
        return new Saved(file.kind(), file.key(), name, file.present(), file.value(), file.content(), file.mode(),
                file.uid(), file.gid(), file.createdDirectories());
    }

    /** The file as it is now: content, mode and owner, or absent with the folders a write would create. */
    public Saved capture(String hostPath) {
        Path path = regular(hostPath);
        try {
            if (!Files.exists(path, NO_FOLLOW)) {
                return new Saved("file", hostPath, null, false, null, null, null, null, null, missingParents(hostPath));
            }
            return new Saved("file", hostPath, null, true, null,
                    Base64.getEncoder().encodeToString(Files.readAllBytes(path)),
                    mode(path), (Integer) Files.getAttribute(path, "unix:uid", NO_FOLLOW),
                    (Integer) Files.getAttribute(path, "unix:gid", NO_FOLLOW), List.of());
        } catch (IOException e) {
            throw new RemediationException("cannot read " + hostPath + ": " + e.getMessage(), e);
        }
    }

    /** Mode, uid and gid of an existing path (links followed, as the checks do). */
    public Saved captureAttributes(String hostPath) {
        Path path = resolve(hostPath);
        try {
            return new Saved("attributes", hostPath, null, true, null, null, mode(path),
                    (Integer) Files.getAttribute(path, "unix:uid"), (Integer) Files.getAttribute(path, "unix:gid"),
                    List.of());
        } catch (IOException e) {
            throw new RemediationException("cannot read the attributes of " + hostPath + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the content, keeping mode and owner; a new file gets {@code newMode} and the agent's user. */
    public void write(String hostPath, byte[] content, int newMode) {
        Path path = regular(hostPath);
        try {
            Files.createDirectories(path.getParent());
            boolean existed = Files.exists(path, NO_FOLLOW);
            int mode = existed ? mode(path) : newMode;
            Integer uid = existed ? (Integer) Files.getAttribute(path, "unix:uid", NO_FOLLOW) : null;
            Integer gid = existed ? (Integer) Files.getAttribute(path, "unix:gid", NO_FOLLOW) : null;
            replace(path, content, mode, uid, gid);
        } catch (IOException e) {
            throw new RemediationException("cannot write " + hostPath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts a captured file or attribute set back exactly; an absent file is deleted with the folders made for it.
     * What is already as captured is not written again (a revert of a change that never happened writes nothing).
     */
    public void restore(Saved saved) {
        Path path = resolve(saved.key());
        try {
            if (saved.kind().equals("attributes")) {
                if (!same(path, saved)) {
                    setAttributes(path, saved.mode(), saved.uid(), saved.gid());
                }
            } else if (saved.present()) {
                if (Files.isRegularFile(path, NO_FOLLOW) && same(path, saved) && java.util.Arrays.equals(
                        Files.readAllBytes(path), Base64.getDecoder().decode(saved.content()))) {
                    return;
                }
                Files.createDirectories(path.getParent());
                replace(regular(saved.key()), Base64.getDecoder().decode(saved.content()), saved.mode(), saved.uid(),
                        saved.gid());
            } else {
                Files.deleteIfExists(regular(saved.key()));
                forceFolder(path.getParent());
                for (String folder : saved.createdDirectories()) {
                    deleteIfEmpty(resolve(folder));
                }
            }
        } catch (IOException e) {
            throw new RemediationException("cannot restore " + saved.key() + ": " + e.getMessage(), e);
        }
    }

    /** Sets mode (permission, set-id and sticky bits), then owner: the owner first, as chown clears set-id bits. */
    public void setAttributes(Path path, Integer mode, Integer uid, Integer gid) throws IOException {
        if (uid != null) {
            Files.setAttribute(path, "unix:uid", uid);
        }
        if (gid != null) {
            Files.setAttribute(path, "unix:gid", gid);
        }
        if (mode != null) {
            Files.setAttribute(path, "unix:mode", mode);
        }
    }

    private static boolean same(Path path, Saved saved) throws IOException {
        return mode(path) == saved.mode() && saved.uid().equals(Files.getAttribute(path, "unix:uid"))
                && saved.gid().equals(Files.getAttribute(path, "unix:gid"));
    }

    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode") & 07777;
    }

    private void replace(Path path, byte[] content, int mode, Integer uid, Integer gid) throws IOException {
        Path temp = Files.createTempFile(path.getParent(), "." + path.getFileName(), ".caart-tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            setAttributes(temp, mode, uid, gid);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder(path.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path regular(String hostPath) {
        Path path = resolve(hostPath);
        if (Files.isSymbolicLink(path)) {
            throw new RemediationException(hostPath + " is a symbolic link; the agent changes only regular files");
        }
        if (Files.isDirectory(path, NO_FOLLOW)) {
            throw new RemediationException(hostPath + " is a directory, not a file");
        }
        return path;
    }

    private List<String> missingParents(String hostPath) {
        List<String> missing = new ArrayList<>();
        Path host = Path.of("/").resolve(hostPath).normalize().getParent();
        while (host != null && host.getParent() != null && !Files.exists(resolve(host.toString()))) {
            missing.add(host.toString());
            host = host.getParent();
        }
        return missing;
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder, NO_FOLLOW)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        }
    }

    private static void forceFolder(Path folder) throws IOException {
        if (folder != null && Files.isDirectory(folder)) {
            try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }
}
