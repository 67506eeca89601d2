package org.caart.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {

    private static final String USERNAME_RULE = "A username has 3 to 40 characters: letters, digits, dot, dash, underscore";

    @Test
    void aCompleteProfileHasNoProblems() {
        Profile profile = new Profile("ana.long", "Ana", "Long", "1 Clinic Road", "London", "United Kingdom",
                "SW1A 1AA", "Runs the audits.");
        assertTrue(profile.problems().isEmpty(), profile.problems().toString());
    }

    @Test
    void blankFieldsBecomeNullAndTheRestIsStripped() {
        Profile profile = new Profile("  ", " Ana ", "\tLong\n", "", " ", null, "   ", "\n");
        assertNull(profile.username());
        assertEquals("Ana", profile.firstName());
        assertEquals("Long", profile.lastName());
        assertNull(profile.streetAddress());
        assertNull(profile.city());
        assertNull(profile.country());
        assertNull(profile.postalCode());
        assertNull(profile.aboutMe());
        assertTrue(profile.problems().isEmpty(), "a username and the address fields are optional");
    }

    @Test
    void theUsernameIsKeptInLowerCase() {
        assertEquals("ana.long", withUsername(" Ana.Long ").username());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "a_b", "ana.long-2", "A-Z", "007", "ana__"})
    void usernamesOfLettersDigitsDotsDashesAndUnderscoresAreAccepted(String username) {
        assertFalse(withUsername(username).problems().containsKey("username"), username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana long", "ana@clinic", "ana+1", "änä", "ana/long", ".ana", "-ana", "_ana"})
    void otherCharactersAndALeadingPunctuationMarkAreRefused(String username) {
        assertEquals(USERNAME_RULE, withUsername(username).problems().get("username"), username);
    }

    @Test
    void aUsernameHas3To40Characters() {
        assertFalse(withUsername("a".repeat(3)).problems().containsKey("username"));
        assertFalse(withUsername("a".repeat(40)).problems().containsKey("username"));
        assertEquals(USERNAME_RULE, withUsername("a".repeat(2)).problems().get("username"));
        assertEquals(USERNAME_RULE, withUsername("a".repeat(41)).problems().get("username"));
    }

    @Test
    void firstAndLastNameAreRequired() {
        Map<String, String> problems = new Profile(null, " ", null, null, null, null, null, null).problems();
        assertEquals("Enter your first name", problems.get("firstName"));
        assertEquals("Enter your last name", problems.get("lastName"));
    }

    @ParameterizedTest(name = "{0} up to {1}")
    @CsvSource({
        "firstName, 80",
        "lastName, 80",
        "streetAddress, 200",
        "city, 80",
        "country, 80",
        "postalCode, 20",
        "aboutMe, 2000"
    })
    void eachFieldHasItsLengthLimit(String field, int max) {
        assertFalse(withField(field, "x".repeat(max)).problems().containsKey(field), "exactly " + max);
        assertEquals("At most " + max + " characters", withField(field, "x".repeat(max + 1)).problems().get(field));
    }

    @Test
    void surroundingBlanksDoNotCountTowardsTheLimit() {
        assertFalse(withField("postalCode", "  " + "x".repeat(20) + "  ").problems().containsKey("postalCode"));
    }

    private static Profile withUsername(String username) {
        return new Profile(username, "Ana", "Long", null, null, null, null, null);
    }

    private static Profile withField(String field, String value) {
        return new Profile(null,
                field.equals("firstName") ? value : "Ana",
                field.equals("lastName") ? value : "Long",
                field.equals("streetAddress") ? value : null,
                field.equals("city") ? value : null,
                field.equals("country") ? value : null,
                field.equals("postalCode") ? value : null,
                field.equals("aboutMe") ? value : null);
    }
}
