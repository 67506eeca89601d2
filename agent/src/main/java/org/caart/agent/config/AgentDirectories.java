package org.caart.agent.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the agent keeps its configuration (with the {@code policies/} folder) and its cache:
 * {@code %APPDATA%\CAaRT} on Windows; {@code $XDG_CONFIG_HOME/caart} (default {@code ~/.config/caart})
 * on Linux, or {@code /etc/caart} and {@code /var/lib/caart} when run as root. The system properties
 * {@code caart.config.dir} and {@code caart.cache.dir} override both (tests, portable installs).
 */
public record AgentDirectories(Path config, Path cache) {

    public static AgentDirectories current() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.name", ""),
                System.getProperty("user.home", "."));
    }

    static AgentDirectories of(Map<String, String> env, String osName, String user, String home) {
        AgentDirectories defaults = defaults(env, osName, user, home);
        String config = System.getProperty("caart.config.dir");
        String cache = System.getProperty("caart.cache.dir");
        return new AgentDirectories(config == null ? defaults.config : Path.of(config),
                cache == null ? defaults.cache : Path.of(cache));
    }

    private static AgentDirectories defaults(Map<String, String> env, String osName, String user, String home) {
        if (osName.toLowerCase().startsWith("windows")) {
            Path base = Path.of(env.getOrDefault("APPDATA", home + "\\AppData\\Roaming"), "CAaRT");
            return new AgentDirectories(base, base.resolve("cache"));
        }
        if ("root".equals(user)) {
            return new AgentDirectories(Path.of("/etc/caart"), Path.of("/var/lib/caart"));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = (xdg == null || xdg.isBlank() ? Path.of(home, ".config") : Path.of(xdg)).resolve("caart");
        return new AgentDirectories(base, base.resolve("cache"));
    }

    public Path policies() {
        return config.resolve("policies");
    }

    public Path configFile() {
        return config.resolve("agent.properties");
    }
}
