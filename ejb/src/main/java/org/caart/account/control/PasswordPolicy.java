package org.caart.account.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.caart.platform.InvalidInputException;

/**
 * What a password must be: 12 to 128 characters, equal to its confirmation, not the account's email, and not in
 * the list of common passwords CAaRT ships ({@code common-passwords.txt}, compared case-insensitively).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    public static void check(char[] password, char[] confirmation, String email) {
        if (password == null || password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            throw new InvalidInputException("password",
                    "A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (!Arrays.equals(password, confirmation)) {
            throw new InvalidInputException("confirmation", "The passwords do not match");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("password", "The password must not be your email address");
        }
        if (COMMON.contains(lower)) {
            throw new InvalidInputException("password", "This password is too common; choose another one");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
