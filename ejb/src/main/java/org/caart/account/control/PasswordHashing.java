package org.caart.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jakarta Security's PBKDF2 hashing with HMAC-SHA512, at least 210,000 iterations (OWASP's figure), 32-byte salt,
 * 64-byte key. Unknown accounts are checked against a dummy hash so a failed login takes the same time either way.
 */
@ApplicationScoped
public class PasswordHashing {

    public static final int MIN_ITERATIONS = 210_000;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "caart.account.password-iterations", defaultValue = "210000")
    int iterations;

    private String dummy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(Math.max(iterations, MIN_ITERATIONS)),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummy = hash.generate("not a real password".toCharArray());
    }

    public String hash(char[] password) {
        return hash.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        return hash.verify(password, storedHash == null ? dummy : storedHash);
    }
}
