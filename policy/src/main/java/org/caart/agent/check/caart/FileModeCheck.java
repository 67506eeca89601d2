package org.caart.agent.check.caart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.FileAttributes;
import org.caart.agent.platform.common.OsFamily;
import org.caart.contract.agent.v1.CheckStatus;

/**
 * Permission bits and ownership of a file or directory (symbolic links followed). {@code max-mode}
 * "0640" means no permission bit outside rw-r-----; owner and group take one name or a list of
 * acceptable names. At least one of the three must be given.
 */
final class FileModeCheck extends TypedCheck {

    private final String path;
    private final Optional<Integer> maxMode;
    private final List<String> owners;
    private final List<String> groups;
    private final Missing missing;

    private FileModeCheck(CheckInfo info, String path, Optional<Integer> maxMode, List<String> owners,
                          List<String> groups, Missing missing) {
        super(info, "file-mode", OsFamily.LINUX);
        this.path = path;
        this.maxMode = maxMode;
        this.owners = owners;
        this.groups = groups;
        this.missing = missing;
    }

    static FileModeCheck read(CheckInfo info, Fields check) throws PolicyException {
        String path = Paths.absolute(check, "path");
        Optional<Integer> maxMode = Optional.empty();
        Optional<String> mode = check.optionalText("max-mode");
        if (mode.isPresent()) {
            if (!mode.get().matches("0?[0-7]{3}")) {
                throw check.error("max-mode", "must be octal permission bits such as 0640, not '" + mode.get() + "'");
            }
            maxMode = Optional.of(Integer.parseInt(mode.get(), 8));
        }
        List<String> owners = check.list("owner");
        List<String> groups = check.list("group");
        if (maxMode.isEmpty() && owners.isEmpty() && groups.isEmpty()) {
            throw check.error("max-mode", "or 'owner' or 'group' must be given");
        }
        return new FileModeCheck(info, path, maxMode, owners, groups, check.choice("missing", Missing.class,
                Missing.FAIL));
    }

    @Override
    String expected() {
        List<String> parts = new ArrayList<>();
        maxMode.ifPresent(m -> parts.add("mode at most " + FileAttributes.octal(m)));
        if (!owners.isEmpty()) {
            parts.add("owner " + (owners.size() == 1 ? owners.get(0) : "in " + owners));
        }
        if (!groups.isEmpty()) {
            parts.add("group " + (groups.size() == 1 ? groups.get(0) : "in " + groups));
        }
        return path + " " + String.join(", ", parts) + (missing == Missing.FAIL ? "" : " (or missing: " + missing + ")");
    }

    @Override
    Outcome probe(Host host) {
        Optional<FileAttributes> attributes = host.platform().fileAttributes(path);
        if (attributes.isEmpty()) {
            return switch (missing) {
                case FAIL -> Outcome.failed(expected(), "does not exist");
                case PASS -> Outcome.passed(expected(), "does not exist");
                case NOT_APPLICABLE -> new Outcome(CheckStatus.NOT_APPLICABLE, path + " does not exist",
                        expected(), "does not exist");
            };
        }
        FileAttributes file = attributes.get();
        boolean holds = maxMode.map(m -> (file.mode() & ~m) == 0).orElse(true)
                && (owners.isEmpty() || owners.contains(file.owner()))
                && (groups.isEmpty() || groups.contains(file.group()));
        String observed = file.octalMode() + " " + file.owner() + ":" + file.group();
        return holds ? Outcome.passed(expected(), observed) : Outcome.failed(expected(), observed);
    }
}
