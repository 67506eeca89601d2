package org.caart.web.account;

/** Form passwords go to the boundaries as char arrays (a missing field is an empty one). */
final class Passwords {

    private Passwords() {
    }

    static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }
}
