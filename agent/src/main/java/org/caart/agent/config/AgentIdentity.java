package org.caart.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Who this agent is to its server ({@code agent.json} in the state directory): the server's address and certificate
 * pin, and the identity {@code enroll} received. {@code secret} authenticates the agent; it is stored readable by
 * the agent's user only and never printed ({@link #toString()} leaves it out).
 */
public record AgentIdentity(String server, String pinSha256, String agentId, String secret, long companyId,
                            String companyName, int pollSeconds) {

    public static final int DEFAULT_POLL_SECONDS = 25;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AgentIdentity {
        if (server == null || agentId == null || secret == null || agentId.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("an agent identity needs a server, an agent id and a secret");
        }
        pollSeconds = pollSeconds > 0 ? pollSeconds : DEFAULT_POLL_SECONDS;
    }

    /** The value of the {@code Authorization} header of every request after enrollment. */
    public String authorization() {
        return "Bearer " + agentId + "." + secret;
    }

    /** The identity in {@code file}; empty when the agent was never enrolled. */
    public static Optional<AgentIdentity> read(Path file) throws IOException {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), AgentIdentity.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a valid agent identity: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes atomically, owner-only; false when the file system could not restrict access (warn the user). */
    public boolean write(Path file) throws IOException {
        return PrivateFiles.write(file, JSON.writeValueAsBytes(this));
    }

    @Override
    public String toString() {
        return "AgentIdentity[server=" + server + ", agentId=" + agentId + ", company=" + companyName + "]";
    }
}
