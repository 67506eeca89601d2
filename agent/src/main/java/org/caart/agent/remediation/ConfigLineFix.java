package org.caart.agent.remediation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/** One {@code KEY<separator>VALUE} line in a configuration file ({@link ConfigLines}); a missing file is created
* 0644. */
final class ConfigLineFix implements Fix {

    private final RootedFiles files;
    private final String path;
    private final String key;
    private final String separator;
    private final String value;

    ConfigLineFix(RootedFiles files, String path, String key, String separator, String value) {
        this.files = files;
        this.path = path;
        this.key = key;
        this.separator = separator;
        this.value = value;
    }

    @Override
    public FixKind kind() {
        return FixKind.CONFIG_LINE;
    }

    @Override
    public String target() {
        return "'" + key + separator + value + "' in " + path;
    }

    @Override
    public Set<RemediationFlag> flags() {
        return Set.of();
    }

    @Override
    public List<Saved> capture() {
        return List.of(files.capture(path, key));
    }

    @Override
    public void apply() {
        String text = files.read(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        files.write(path, ConfigLines.set(text, key, separator, value, false, false).getBytes(StandardCharsets.UTF_8),
                0644);
    }
}
