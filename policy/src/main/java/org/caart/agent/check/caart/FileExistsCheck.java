package org.caart.agent.check.caart;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;

/** Whether a path exists ({@code exists: true}) or must not ({@code exists: false}); links are followed. */
final class FileExistsCheck extends TypedCheck {

    private final String path;
    private final boolean exists;

    private FileExistsCheck(CheckInfo info, String path, boolean exists) {
        super(info, "file-exists", OsFamily.LINUX);
        this.path = path;
        this.exists = exists;
    }

    static FileExistsCheck read(CheckInfo info, Fields check) throws PolicyException {
        String path = Paths.absolute(check, "path");
        return new FileExistsCheck(info, path, check.optionalFlag("exists")
                .orElseThrow(() -> check.error("exists", "is required (true or false)")));
    }

    @Override
    String expected() {
        return path + (exists ? " exists" : " does not exist");
    }

    @Override
    Outcome probe(Host host) {
        boolean found = host.platform().fileAttributes(path).isPresent();
        String observed = found ? "exists" : "does not exist";
        return found == exists ? Outcome.passed(expected(), observed) : Outcome.failed(expected(), observed);
    }
}
