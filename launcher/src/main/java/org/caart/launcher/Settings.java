package org.caart.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from CAART_* environment variables, with the embedded defaults: port 8080, data in
 * ./caart-data, an H2 file database and an embedded persistent broker inside it.
 */
record Settings(int port, Path dataDir, String heap, Optional<String> dbUrl, Optional<String> brokerUrl,
        Optional<String> brokerUser, Optional<String> brokerPassword, Duration startTimeout,
        Optional<Cluster> cluster, String javaOptions, Optional<String> httpInterface, long logMaxBytes,
        int logKeepDays) {

    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[0-9.]+|[0-9A-Fa-f:]+");

    static Settings from(Map<String, String> env, Path workingDir) {
        return new Settings(
                port(env.getOrDefault("CAART_HTTP_PORT", "8080")),
                workingDir.resolve(value(env, "CAART_DATA_DIR").orElse("caart-data")).toAbsolutePath().normalize(),
                value(env, "CAART_HEAP").orElse("512m"),
                value(env, "CAART_DB_URL"),
                value(env, "CAART_BROKER_URL"),
                value(env, "CAART_BROKER_USER"),
                value(env, "CAART_BROKER_PASSWORD"),
                Duration.ofSeconds(seconds(env.getOrDefault("CAART_START_TIMEOUT", "180"))),
                Cluster.from(env),
                env.getOrDefault("CAART_JAVA_OPTS", ""),
                value(env, "CAART_HTTP_INTERFACE").map(Settings::address),
                size(env.getOrDefault("CAART_LOG_MAX_SIZE", "20m")),
                days(env.getOrDefault("CAART_LOG_KEEP_DAYS", "14")));
    }

    /** A size like the heap's: bytes, or a number with k, m or g (at least 16k, so a log holds a few records). */
    static long size(String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        long unit = switch (value.isEmpty() ? ' ' : value.charAt(value.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            long bytes = Long.parseLong(unit == 1 ? value : value.substring(0, value.length() - 1)) * unit;
            if (bytes >= 16 * 1024) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException("CAART_LOG_MAX_SIZE must be a size of at least 16k, such as 20m or 512k, not \""
                + text + "\"");
    }

    private static int days(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException("CAART_LOG_KEEP_DAYS must be a whole number of days, at least 1, not \"" + text
                + "\"");
    }

    /** The address the launcher checks readiness on: the HTTP interface, or loopback when it listens on all. */
    String readinessHost() {
        return httpInterface.map(a -> a.contains(":") ? "[" + a + "]" : a).orElse("127.0.0.1");
    }

    private static String address(String text) {
        if (!ADDRESS.matcher(text).matches() || text.equals("0.0.0.0") || text.equals("::")) {
            throw new LaunchException("CAART_HTTP_INTERFACE must be one IP address of this host (e.g. 127.0.0.1 or "
                    + "10.0.0.11), not \"" + text + "\"");
        }
        return text;
    }

    /** The JDBC URL the server uses: the configured one, or the embedded H2 file database in the data folder. */
    String effectiveDbUrl() {
        return dbUrl.orElse("jdbc:h2:file:" + dataDir.resolve("db").resolve("caart")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    String dataSourceClass() {
        String url = effectiveDbUrl();
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.jdbcx.JdbcDataSource";
        }
        throw new LaunchException("CAART_DB_URL must be a PostgreSQL (jdbc:postgresql:...) or H2 (jdbc:h2:...) URL, "
                + "not " + url);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
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
        throw new LaunchException("CAART_HTTP_PORT must be a port number from 1 to 65535, not \"" + text + "\"");
    }

    private static long seconds(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new LaunchException("CAART_START_TIMEOUT must be a number of seconds, not \"" + text + "\"");
        }
    }
}
