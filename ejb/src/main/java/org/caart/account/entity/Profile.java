package org.caart.account.entity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a user says about themselves. Blank fields become null; {@link #problems()} lists what is out of bounds,
 * field by field, before anything is stored.
 */
public record Profile(String username, String firstName, String lastName, String streetAddress, String city,
        String country, String postalCode, String aboutMe) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

    public Profile {
        username = clean(username);
        username = username == null ? null : username.toLowerCase(java.util.Locale.ROOT);
        firstName = clean(firstName);
        lastName = clean(lastName);
        streetAddress = clean(streetAddress);
        city = clean(city);
        country = clean(country);
        postalCode = clean(postalCode);
        aboutMe = clean(aboutMe);
    }

    public Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (username != null && !USERNAME.matcher(username).matches()) {
            errors.put("username", "A username has 3 to 40 characters: letters, digits, dot, dash, underscore");
        }
        if (firstName == null) {
            errors.put("firstName", "Enter your first name");
        }
        if (lastName == null) {
            errors.put("lastName", "Enter your last name");
        }
        tooLong(errors, "firstName", firstName, UserAccount.NAME_MAX);
        tooLong(errors, "lastName", lastName, UserAccount.NAME_MAX);
        tooLong(errors, "streetAddress", streetAddress, 200);
        tooLong(errors, "city", city, UserAccount.NAME_MAX);
        tooLong(errors, "country", country, UserAccount.NAME_MAX);
        tooLong(errors, "postalCode", postalCode, 20);
        tooLong(errors, "aboutMe", aboutMe, UserAccount.ABOUT_MAX);
        return errors;
    }

    private static void tooLong(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.putIfAbsent(field, "At most " + max + " characters");
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
