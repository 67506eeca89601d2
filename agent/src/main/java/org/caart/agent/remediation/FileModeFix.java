package org.caart.agent.remediation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.caart.agent.platform.common.FileAttributes;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/**
 * Mode and ownership of a file or folder: permission bits outside the check's {@code max-mode} are cleared (the
 * others stay), an owner or group outside the check's list becomes its first entry, and a change of owner or group
 * clears the set-user-ID and set-group-ID bits as chown does. Names are looked up in the machine's user database
 * (also for a fixture root).
 */
final class FileModeFix implements Fix {

    private final RootedFiles files;
    private final String path;
    private final Integer maxMode;
    private final int mode;
    private final String owner;
    private final String group;

    FileModeFix(RootedFiles files, FileAttributes now, int fullMode, Integer maxMode, List<String> owners,
                List<String> groups) {
        this.files = files;
        this.path = now.path();
        this.maxMode = maxMode;
        this.mode = allowed(fullMode, maxMode);
        this.owner = owners.isEmpty() || owners.contains(now.owner()) ? null : owners.get(0);
        this.group = groups.isEmpty() || groups.contains(now.group()) ? null : groups.get(0);
    }

    /** The mode without the permission bits {@code maxMode} does not allow (computed again when applied). */
    private static int allowed(int fullMode, Integer maxMode) {
        return maxMode == null ? fullMode : fullMode & (07000 | maxMode);
    }

    @Override
    public FixKind kind() {
        return FixKind.FILE_MODE;
    }

    @Override
    public String target() {
        List<String> parts = new ArrayList<>(List.of(path + " mode " + String.format("%04o", mode)));
        if (owner != null) {
            parts.add("owner " + owner);
        }
        if (group != null) {
            parts.add("group " + group);
        }
        return String.join(", ", parts);
    }

    @Override
    public Set<RemediationFlag> flags() {
        return Set.of();
    }

    @Override
    public List<Saved> capture() {
        return List.of(files.captureAttributes(path));
    }

    @Override
    public void apply() {
        Path file = files.resolve(path);
        try {
            int target = allowed(RootedFiles.mode(file), maxMode) & (owner == null && group == null ? 07777 : 01777);
            UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
            if (owner != null) {
                Files.setOwner(file, users.lookupPrincipalByName(owner));
            }
            if (group != null) {
                Files.getFileAttributeView(file, PosixFileAttributeView.class)
                        .setGroup(users.lookupPrincipalByGroupName(group));
            }
            files.setAttributes(file, target, null, null);
        } catch (IOException e) {
            throw new RemediationException("cannot change " + path + ": " + e.getMessage(), e);
        }
    }
}
