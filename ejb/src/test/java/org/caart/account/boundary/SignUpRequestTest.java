package org.caart.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SignUpRequestTest {

    @Test
    void aCompleteFormHasNoProblems() {
        assertTrue(request("Ana", "Long", "ana.long@clinic.example").problems().isEmpty());
    }

    @Test
    void everyFieldProblemIsReportedAtOnce() {
        Map<String, String> problems = request(" ", null, "ana.long@clinic").problems();
        assertEquals("Enter your first name", problems.get("firstName"));
        assertEquals("Enter your last name", problems.get("lastName"));
        assertEquals("This is not a valid email address", problems.get("email"));
    }

    @Test
    void emailsWithSpacesOrTwoAtSignsAreInvalid() {
        assertEquals("This is not a valid email address", request("A", "B", "ana long@clinic.example").problems().get("email"));
        assertEquals("This is not a valid email address", request("A", "B", "a@b@clinic.example").problems().get("email"));
        assertEquals("Enter your email address", request("A", "B", "").problems().get("email"));
    }

    @Test
    void namesHaveAtMost80Characters() {
        assertEquals("A first name has at most 80 characters",
                request("x".repeat(81), "B", "a@clinic.example").problems().get("firstName"));
    }

    private static SignUpRequest request(String first, String last, String email) {
        return new SignUpRequest(first, last, email, new char[0], new char[0]);
    }
}
