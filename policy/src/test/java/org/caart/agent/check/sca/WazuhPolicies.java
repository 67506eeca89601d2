package org.caart.agent.check.sca;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Wazuh CIS policies kept as test resources in {@code wazuh-sca/} (GPLv2 data, see NOTICE.txt there):
 * test input only, never part of a shipped artifact.
 */
public final class WazuhPolicies {

    private WazuhPolicies() {
    }

    public static Path folder() {
        URL source = WazuhPolicies.class.getResource("/wazuh-sca/SOURCE.txt");
        if (source == null || !"file".equals(source.getProtocol())) {
            throw new IllegalStateException("test resources wazuh-sca/ not found on the class path as files: " + source);
        }
        try {
            return Path.of(source.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String name) {
        Path file = folder().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing test policy " + file);
        }
        return file;
    }
}
