package org.caart.agent.remediation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/**
 * A global sshd keyword. sshd takes the first value it reads, so the line goes where it is read first: into
 * {@value #DROP_IN} when sshd_config includes {@code sshd_config.d/*.conf} before it sets the keyword itself (the
 * file sorts first), else into sshd_config, replacing the keyword's first global line or, when it has none, above
 * the first setting. The new configuration is validated ({@code sshd -t}) before sshd is reloaded; a rejected one
 * raises, and the agent puts the file back.
 */
final class SshdSettingFix implements Fix {

    static final String MAIN = "/etc/ssh/sshd_config";
    static final String DROP_IN = "/etc/ssh/sshd_config.d/00-caart-remediation.conf";
    private static final Pattern INCLUDE = Pattern.compile("^\\s*Include\\s+.*sshd_config\\.d/",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MATCH = Pattern.compile("^\\s*Match\\s", Pattern.CASE_INSENSITIVE);

    private final RootedFiles files;
    private final SshdControl sshd;
    private final String keyword;
    private final String value;

    SshdSettingFix(RootedFiles files, SshdControl sshd, String keyword, String value) {
        this.files = files;
        this.sshd = sshd;
        this.keyword = keyword;
        this.value = value;
    }

    @Override
    public FixKind kind() {
        return FixKind.SSHD_SETTING;
    }

    @Override
    public String target() {
        return keyword + " " + value + " in " + file() + " (" + sshd.describe() + ")";
    }

    @Override
    public Set<RemediationFlag> flags() {
        return Set.of(RemediationFlag.REMOTE_ACCESS, RemediationFlag.RESTARTS_SERVICE);
    }

    @Override
    public List<Saved> capture() {
        return List.of(files.capture(file(), keyword));
    }

    @Override
    public void apply() {
        String file = file();
        String line = keyword + " " + value;
        String text;
        if (file.equals(DROP_IN)) {
            text = ConfigLines.set(read(DROP_IN).orElse("# sshd settings of CAaRT remediation (caart-agent)\n"),
                    keyword, " ", value, true, false);
        } else {
            String main = read(MAIN).orElse("");
            List<String> lines = new java.util.ArrayList<>(ConfigLines.split(main));
            int found = ConfigLines.find(global(lines), keyword, true);
            if (found >= 0) {
                lines.set(found, line);
            } else {
                lines.add(ConfigLines.firstActive(lines), line);
            }
            text = String.join("\n", lines) + (main.isEmpty() || main.endsWith("\n") ? "\n" : "");
        }
        files.write(file, text.getBytes(StandardCharsets.UTF_8), 0600);
        Optional<String> rejected = sshd.validate();
        if (rejected.isPresent()) {
            throw new RemediationException("sshd rejected the configuration: " + rejected.get());
        }
        sshd.reload();
    }

    /** The file the keyword's line belongs in (see the class comment). */
    String file() {
        List<String> global = global(ConfigLines.split(read(MAIN).orElse("")));
        int include = -1;
        for (int i = 0; i < global.size() && include < 0; i++) {
            include = INCLUDE.matcher(global.get(i)).find() ? i : -1;
        }
        int setting = ConfigLines.find(global, keyword, true);
        return include >= 0 && (setting < 0 || setting > include) ? DROP_IN : MAIN;
    }

    /** The lines before the first Match block: sshd's global settings. */
    static List<String> global(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (MATCH.matcher(lines.get(i)).find()) {
                return lines.subList(0, i);
            }
        }
        return lines;
    }

    private Optional<String> read(String path) {
        return files.read(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
