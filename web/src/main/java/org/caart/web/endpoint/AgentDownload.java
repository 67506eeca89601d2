package org.caart.web.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the portal tells about agents: the jar this server offers: {@code CAART_AGENT_JAR}, or the copy in the Payara Micro distribution
 * (the launcher names it). Its SHA-256 is computed once.
 */
@ApplicationScoped
public class AgentDownload {

    @Inject
    @ConfigProperty(name = "caart.agent.jar")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "caart.agent.bundled-jar")
    Optional<String> bundled;

    @Inject
    @ConfigProperty(name = "caart.public.url")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "caart.agent.stale-hours", defaultValue = "26")
    int staleHours;

    private volatile String sha256;

    /** The server's address as agents reach it (CAART_PUBLIC_URL without a trailing slash). */
    public String publicBase() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** After how many hours without a heartbeat an agent counts as stale. */
    public int staleHours() {
        return staleHours;
    }

    public Optional<Path> file() {
        return configured.or(() -> bundled).map(Path::of).filter(Files::isRegularFile);
    }

    public Optional<String> sha256() {
        if (sha256 == null) {
            file().ifPresent(path -> sha256 = digest(path));
        }
        return Optional.ofNullable(sha256);
    }

    private static String digest(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
