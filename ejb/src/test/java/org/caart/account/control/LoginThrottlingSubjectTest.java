package org.caart.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginThrottlingSubjectTest {

    @Test
    void anEmailIsCountedAsTyped() {
        assertEquals("account:ann@caart.test", LoginThrottling.accountSubject("  Ann@Caart.Test "));
    }

    /** A 400-character "email" made the insert fail: an empty 500, the failure count and trail event rolled back. */
    @Test
    void anEmailLongerThanAnAddressCanBeStillFitsTheSubjectColumnAndStaysItself() {
        String longer = "a".repeat(400) + "@caart.test";
        String subject = LoginThrottling.accountSubject(longer);
        assertTrue(subject.length() <= 300, subject);
        assertEquals(subject, LoginThrottling.accountSubject(longer.toUpperCase()));
        assertNotEquals(subject, LoginThrottling.accountSubject("b" + longer));
    }
}
