package org.caart.account.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.caart.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongUncommonPassword() {
        assertDoesNotThrow(() -> check("tram-Harbour-71-quietly", "tram-Harbour-71-quietly", "ana@example.test"));
    }

    @Test
    void elevenCharactersAreTooFew() {
        assertEquals("A password has 12 to 128 characters", reason("abcdefghijk", "abcdefghijk", "a@b.test"));
    }

    @Test
    void moreThan128AreTooMany() {
        String long129 = "x".repeat(129);
        assertEquals("A password has 12 to 128 characters", reason(long129, long129, "a@b.test"));
    }

    @Test
    void confirmationMustMatch() {
        assertEquals("The passwords do not match", reason("tram-Harbour-71-quietly", "tram-Harbour-71-quietlY", "a@b.test"));
    }

    @Test
    void emailIsNotAPassword() {
        assertEquals("The password must not be your email address",
                reason("Ana.Long@Example.test", "Ana.Long@Example.test", "ana.long@example.test"));
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheCase() {
        assertEquals("This password is too common; choose another one", reason("Password1234", "Password1234", "a@b.test"));
        assertEquals("This password is too common; choose another one", reason("123456789012", "123456789012", "a@b.test"));
    }

    private static void check(String password, String confirmation, String email) {
        PasswordPolicy.check(password.toCharArray(), confirmation.toCharArray(), email);
    }

    private static String reason(String password, String confirmation, String email) {
        return assertThrows(InvalidInputException.class, () -> check(password, confirmation, email)).getMessage();
    }
}
