package org.caart.agent.remediation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Package removal on a fixture root: the package's stanza is taken out of the fixture's dpkg status database, which
 * is what the package checks read; rollback puts the file back byte for byte. Nothing is run.
 */
public final class DpkgStatusFile implements PackageManager {

    static final String STATUS = "/var/lib/dpkg/status";

    private final RootedFiles files;

    public DpkgStatusFile(RootedFiles files) {
        this.files = files;
    }

    @Override
    public List<Saved> capture(String name) {
        return List.of(files.capture(STATUS, name));
    }

    @Override
    public void remove(String name) {
        String text = files.read(STATUS).map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseThrow(() -> new RemediationException(STATUS + " does not exist"));
        List<String> kept = new ArrayList<>();
        for (String stanza : text.split("\n\n", -1)) {
            if (!stanza.lines().anyMatch(line -> line.equals("Package: " + name))) {
                kept.add(stanza);
            }
        }
        files.write(STATUS, String.join("\n\n", kept).getBytes(StandardCharsets.UTF_8), 0644);
    }

    @Override
    public void reinstall(Saved saved) {
        throw new RemediationException("a fixture's packages are restored from its status file, not reinstalled");
    }

    @Override
    public boolean rollbackNeedsRepository() {
        return false;
    }
}
