package org.caart.agent.platform.common;

import java.util.List;
import java.util.Map;

/**
 * OpenSSH's compiled-in defaults (portable OpenSSH 8.x-9.x, sshd_config(5)) for the keywords the
 * built-in policies check, used only when {@code sshd -T} cannot run and the files do not set the
 * keyword. Algorithm lists (Ciphers, MACs, KexAlgorithms) vary by version and build and therefore
 * have no entry: such a check reports an error rather than guess.
 */
public final class SshdDefaults {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("permitrootlogin", "prohibit-password"),
            Map.entry("passwordauthentication", "yes"),
            Map.entry("permitemptypasswords", "no"),
            Map.entry("hostbasedauthentication", "no"),
            Map.entry("ignorerhosts", "yes"),
            Map.entry("x11forwarding", "no"),
            Map.entry("maxauthtries", "6"),
            Map.entry("maxsessions", "10"),
            Map.entry("maxstartups", "10:30:100"),
            Map.entry("logingracetime", "120"),
            Map.entry("clientaliveinterval", "0"),
            Map.entry("clientalivecountmax", "3"),
            Map.entry("banner", "none"),
            Map.entry("loglevel", "INFO"),
            Map.entry("usepam", "no"),
            Map.entry("permituserenvironment", "no"),
            Map.entry("allowtcpforwarding", "yes"),
            Map.entry("gssapiauthentication", "no"),
            Map.entry("pubkeyauthentication", "yes"),
            Map.entry("kbdinteractiveauthentication", "yes"),
            Map.entry("disableforwarding", "no"),
            Map.entry("strictmodes", "yes"),
            Map.entry("port", "22"));

    private SshdDefaults() {
    }

    /** Adds the defaults for keywords {@code values} lacks. */
    public static void fill(Map<String, List<String>> values) {
        DEFAULTS.forEach((keyword, value) -> values.putIfAbsent(keyword, List.of(value)));
    }
}
