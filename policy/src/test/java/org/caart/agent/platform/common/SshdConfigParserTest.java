package org.caart.agent.platform.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SshdConfigParserTest {

    /** Files in memory; a glob "dir/*.conf" lists the names starting with "dir/" and ending with ".conf". */
    private static final class Memory implements SshdConfigParser.Files {
        private final Map<String, List<String>> files = new HashMap<>();

        Memory put(String path, String... lines) {
            files.put(path, List.of(lines));
            return this;
        }

        @Override
        public Optional<List<String>> read(String hostPath) {
            return Optional.ofNullable(files.get(hostPath));
        }

        @Override
        public List<String> expand(String hostPattern) {
            if (!hostPattern.contains("*")) {
                return files.containsKey(hostPattern) ? List.of(hostPattern) : List.of();
            }
            String prefix = hostPattern.substring(0, hostPattern.indexOf('*'));
            String suffix = hostPattern.substring(hostPattern.indexOf('*') + 1);
            List<String> matches = new ArrayList<>();
            files.keySet().stream().filter(f -> f.startsWith(prefix) && f.endsWith(suffix)).sorted().forEach(matches::add);
            return matches;
        }
    }

    @Test
    void effectiveOutputKeepsRepeatedKeywords() {
        SshdConfig config = new SshdConfig("sshd -T", true,
                SshdConfigParser.parseEffective(Fixtures.lines("sshd-T.txt")));
        assertEquals("without-password", config.value("PermitRootLogin").orElseThrow());
        assertEquals(2, config.all("hostkey").size());
        assertEquals(2, config.all("ListenAddress").size());
    }

    @Test
    void firstValueWinsAndKeywordsAreCaseInsensitive() {
        Memory files = new Memory().put("/etc/ssh/sshd_config", "PermitRootLogin no", "permitrootlogin yes",
                "MaxAuthTries=3");
        Map<String, List<String>> values = SshdConfigParser.parseConfig("/etc/ssh/sshd_config", files);
        assertEquals(List.of("no"), values.get("permitrootlogin"));
        assertEquals(List.of("3"), values.get("maxauthtries"));
    }

    @Test
    void includesAreExpandedInPlaceInNameOrderRelativeToEtcSsh() {
        Memory files = new Memory()
                .put("/etc/ssh/sshd_config", "Include sshd_config.d/*.conf", "PasswordAuthentication yes")
                .put("/etc/ssh/sshd_config.d/20-b.conf", "PasswordAuthentication maybe", "X11Forwarding yes")
                .put("/etc/ssh/sshd_config.d/10-a.conf", "PasswordAuthentication no");
        Map<String, List<String>> values = SshdConfigParser.parseConfig("/etc/ssh/sshd_config", files);
        assertEquals(List.of("no"), values.get("passwordauthentication"));
        assertEquals(List.of("yes"), values.get("x11forwarding"));
    }

    @Test
    void matchBlocksAreIgnoredUntilMatchAll() {
        Memory files = new Memory().put("/etc/ssh/sshd_config", "Match User backup", "  PermitRootLogin yes",
                "  X11Forwarding yes", "Match all", "PermitRootLogin no");
        Map<String, List<String>> values = SshdConfigParser.parseConfig("/etc/ssh/sshd_config", files);
        assertEquals(List.of("no"), values.get("permitrootlogin"));
        assertFalse(values.containsKey("x11forwarding"));
    }

    @Test
    void aMatchBlockInAnIncludedFileEndsWithThatFile() {
        Memory files = new Memory()
                .put("/etc/ssh/sshd_config", "Include /etc/ssh/extra.conf", "MaxAuthTries 4")
                .put("/etc/ssh/extra.conf", "Match Address 10.0.0.0/8", "MaxAuthTries 10");
        Map<String, List<String>> values = SshdConfigParser.parseConfig("/etc/ssh/sshd_config", files);
        assertEquals(List.of("4"), values.get("maxauthtries"));
    }

    @Test
    void commentsQuotesAndDefaultsAreHandled() {
        Memory files = new Memory().put("/etc/ssh/sshd_config", "# PermitRootLogin yes",
                "Banner \"/etc/issue.net\"", "LogLevel VERBOSE # chatty");
        Map<String, List<String>> values = SshdConfigParser.parseConfig("/etc/ssh/sshd_config", files);
        SshdDefaults.fill(values);
        assertEquals(List.of("/etc/issue.net"), values.get("banner"));
        assertEquals(List.of("VERBOSE"), values.get("loglevel"));
        assertEquals(List.of("prohibit-password"), values.get("permitrootlogin"));
        assertFalse(values.containsKey("ciphers"));
    }
}
