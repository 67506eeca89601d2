package org.caart.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data grid (Payara Micro's Hazelcast) of a clustered start. Off by default: the server then starts no grid at
 * all. Hazelcast's open-source edition has no authentication; a grid member runs what members and clients send it.
 * So a clustered start binds the grid to one interface only, joins only the listed members (no multicast) and uses
 * a long random cluster name that a client or member must present: the name is the secret, sent in plain text on
 * the grid port, which must be firewalled to the members.
 */
record Cluster(String name, String bindAddress, int port, List<String> members) {

    static final int DEFAULT_PORT = 6900;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{24,128}");
    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+(:\\d{1,5})?");

    /** Empty unless CAART_CLUSTER=true; a clustered start without its settings is refused with the missing one. */
    static Optional<Cluster> from(Map<String, String> env) {
        if (!Boolean.parseBoolean(env.getOrDefault("CAART_CLUSTER", "false").strip())) {
            return Optional.empty();
        }
        String name = required(env, "CAART_CLUSTER_NAME", "a secret of 24 to 128 letters, digits, '-' or '_' that "
                + "every member shares (e.g. openssl rand -hex 24)");
        if (!NAME.matcher(name).matches()) {
            throw new LaunchException("CAART_CLUSTER_NAME must be 24 to 128 letters, digits, '-' or '_' "
                    + "(e.g. openssl rand -hex 24); it is the only thing that keeps others out of the data grid");
        }
        String bind = required(env, "CAART_CLUSTER_INTERFACE", "the IP address of this host's cluster network");
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.contains("*")) {
            throw new LaunchException("CAART_CLUSTER_INTERFACE must be one address of this host, not " + bind);
        }
        int port = port(env.getOrDefault("CAART_CLUSTER_PORT", String.valueOf(DEFAULT_PORT)));
        List<String> members = new ArrayList<>();
        for (String member : required(env, "CAART_CLUSTER_MEMBERS", "the members' host:port, comma-separated")
                .split(",")) {
            String trimmed = member.strip();
            if (!MEMBER.matcher(trimmed).matches()) {
                throw new LaunchException("CAART_CLUSTER_MEMBERS must list host:port, comma-separated, not \""
                        + member + "\"");
            }
            members.add(trimmed);
        }
        return Optional.of(new Cluster(name, bind, port, List.copyOf(members)));
    }

    /**
     * Payara Micro options: members by TCP only, one interface, one port. Micro's own defaults (multicast discovery)
     * would override the same settings made in a pre-boot file, so they are options; none of them is secret.
     */
    List<String> options() {
        return List.of("--clustermode", "tcpip:" + String.join(",", members), "--interfaces", bindAddress,
                "--startport", String.valueOf(port));
    }

    /**
     * The pre-boot command that sets the cluster name. The name itself stays in the server's environment (readable
     * by its owner only): Payara resolves {@code ${ENV=...}} when the grid starts, so neither the command line
     * nor the log (which echoes pre-boot commands) shows it.
     */
    static String nameCommand() {
        return "set hazelcast-runtime-configuration.cluster-group-name=${ENV=CAART_CLUSTER_NAME}";
    }

    private static String required(Map<String, String> env, String key, String what) {
        String value = env.getOrDefault(key, "").strip();
        if (value.isEmpty()) {
            throw new LaunchException("CAART_CLUSTER=true needs " + key + ": " + what);
        }
        return value;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException("CAART_CLUSTER_PORT must be a port number from 1 to 65535, not \"" + text + "\"");
    }
}
