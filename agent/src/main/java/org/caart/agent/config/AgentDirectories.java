package org.caart.agent.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the agent keeps its configuration (with the {@code policies/} folder), its cache and its state (the identity
 * {@code agent.json} and the result spool): {@code %APPDATA%\CAaRT} on Windows; {@code $XDG_CONFIG_HOME/caart}
 * (default {@code ~/.config/caart}) and {@code $XDG_STATE_HOME/caart} (default {@code ~/.local/state/caart}) on Linux,
 * or {@code /etc/caart}, {@code /var/lib/caart} and {@code /var/lib/caart/state} when run as root. The system
 * properties {@code caart.config.dir}, {@code caart.cache.dir} and {@code caart.state.dir} override them (tests,
 * portable installs); the state directory also follows the environment variable {@code CAART_AGENT_STATE_DIR}, and a
 * command's {@code --state-dir} beats both.
 */
public record AgentDirectories(Path config, Path cache, Path state) {

    public static final String STATE_DIR_VARIABLE = "CAART_AGENT_STATE_DIR";

    public static AgentDirectories current() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.name", ""),
                System.getProperty("user.home", "."));
    }

    static AgentDirectories of(Map<String, String> env, String osName, String user, String home) {
        AgentDirectories defaults = defaults(env, osName, user, home);
        String config = System.getProperty("caart.config.dir");
        String cache = System.getProperty("caart.cache.dir");
        String state = firstSet(System.getProperty("caart.state.dir"), env.get(STATE_DIR_VARIABLE));
        return new AgentDirectories(config == null ? defaults.config : Path.of(config),
                cache == null ? defaults.cache : Path.of(cache), state == null ? defaults.state : Path.of(state));
    }

    private static AgentDirectories defaults(Map<String, String> env, String osName, String user, String home) {
        if (osName.toLowerCase().startsWith("windows")) {
            Path base = Path.of(env.getOrDefault("APPDATA", home + "\\AppData\\Roaming"), "CAaRT");
            return new AgentDirectories(base, base.resolve("cache"), base.resolve("state"));
        }
        if ("root".equals(user)) {
            return new AgentDirectories(Path.of("/etc/caart"), Path.of("/var/lib/caart"), Path.of("/var/lib/caart/state"));
        }
        Path base = xdg(env, "XDG_CONFIG_HOME", Path.of(home, ".config")).resolve("caart");
        return new AgentDirectories(base, base.resolve("cache"),
                xdg(env, "XDG_STATE_HOME", Path.of(home, ".local", "state")).resolve("caart"));
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** These directories with another state directory (a command's {@code --state-dir}); null keeps this one. */
    public AgentDirectories withState(String stateDir) {
        return stateDir == null ? this : new AgentDirectories(config, cache, Path.of(stateDir));
    }

    public Path policies() {
        return config.resolve("policies");
    }

    public Path configFile() {
        return config.resolve("agent.properties");
    }

    /** The agent's identity, written by {@code enroll}. */
    public Path identityFile() {
        return state.resolve("agent.json");
    }

    /** Result batches waiting to be resent. */
    public Path spool() {
        return state.resolve("spool");
    }
}
