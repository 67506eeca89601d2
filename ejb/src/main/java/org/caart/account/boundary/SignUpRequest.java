package org.caart.account.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.caart.account.entity.UserAccount;

/** What the sign-up form sends. Passwords are char arrays so the caller can clear them. */
public record SignUpRequest(String firstName, String lastName, String email, char[] password, char[] confirmation) {

    /** One address, no spaces, a dot in the domain: what a mail server will accept, without guessing further. */
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Problems with the names and the email's form (the password has its own policy), field by field. */
    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        name("firstName", "first name", firstName, errors);
        name("lastName", "last name", lastName, errors);
        if (email == null || email.isBlank()) {
            errors.put("email", "Enter your email address");
        } else if (email.strip().length() > UserAccount.EMAIL_MAX || !EMAIL.matcher(email.strip()).matches()) {
            errors.put("email", "This is not a valid email address");
        }
        return errors;
    }

    private static void name(String field, String label, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Enter your " + label);
        } else if (value.strip().length() > UserAccount.NAME_MAX) {
            errors.put(field, "A " + label + " has at most " + UserAccount.NAME_MAX + " characters");
        }
    }
}
