package org.caart.agent.remediation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.caart.contract.agent.v1.FixKind;

/**
 * Undoes one item's change in a file other items may share (the sysctl and sshd drop-ins, login.defs, the dpkg
 * status file): only its line goes back to what the before content had (or goes away when the before content had
 * none; sshd lines are looked for before the first Match block), or only its package's stanza comes back. A file left
 * without any setting that did not exist before is removed again, with the folders made for it.
 */
final class PartialRevert {

    private PartialRevert() {
    }

    static void revert(RootedFiles files, FixKind kind, Saved saved, Optional<Saved> creation) {
        Optional<String> now = files.read(saved.key()).map(b -> new String(b, StandardCharsets.UTF_8));
        if (now.isEmpty()) {
            return;
        }
        String before = saved.present() ? new String(Base64.getDecoder().decode(saved.content()),
                StandardCharsets.UTF_8) : "";
        String reverted = kind == FixKind.PACKAGE_REMOVAL ? stanza(now.get(), before, saved.name())
                : line(now.get(), before, saved.name(), kind == FixKind.SSHD_SETTING);
        if (!before.endsWith("\n") && reverted.equals(before + "\n")) {
            reverted = before;
        }
        Optional<Saved> created = saved.present() ? creation : Optional.of(saved);
        if (created.isPresent() && ConfigLines.firstActive(ConfigLines.split(reverted))
                == ConfigLines.split(reverted).size()) {
            files.restore(created.get());
        } else {
            files.write(saved.key(), reverted.getBytes(StandardCharsets.UTF_8), saved.mode() == null ? 0644
                    : saved.mode());
        }
    }

    private static String line(String now, String before, String key, boolean sshd) {
        List<String> lines = new ArrayList<>(ConfigLines.split(now));
        List<String> original = ConfigLines.split(before);
        int ours = ConfigLines.find(sshd ? SshdSettingFix.global(lines) : lines, key, sshd);
        int theirs = ConfigLines.find(sshd ? SshdSettingFix.global(original) : original, key, sshd);
        if (ours >= 0 && theirs >= 0) {
            lines.set(ours, original.get(theirs));
        } else if (ours >= 0) {
            lines.remove(ours);
        }
        return String.join("\n", lines) + (now.endsWith("\n") && !lines.isEmpty() ? "\n" : "");
    }

    private static String stanza(String now, String before, String name) {
        List<String> stanzas = new ArrayList<>(List.of(now.split("\n\n", -1)));
        List<String> original = List.of(before.split("\n\n", -1));
        for (int i = 0; i < original.size(); i++) {
            if (original.get(i).lines().anyMatch(l -> l.equals("Package: " + name))
                    && stanzas.stream().noneMatch(s -> s.lines().anyMatch(l -> l.equals("Package: " + name)))) {
                stanzas.add(Math.min(i, stanzas.size()), original.get(i));
            }
        }
        return String.join("\n\n", stanzas);
    }
}
