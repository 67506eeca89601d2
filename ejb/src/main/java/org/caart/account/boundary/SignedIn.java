package org.caart.account.boundary;

import java.util.Set;
import org.caart.account.entity.UserAccount;

/** Who signed in, and the portal-wide groups that gives them (company roles are checked per company). */
public record SignedIn(long id, String email, String displayName, boolean operator, boolean mustChangePassword) {

    public static final String USER = "USER";
    public static final String OPERATOR = "OPERATOR";
    /** The only group of an account that must choose a new password: it opens the password page and nothing else. */
    public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";

    static SignedIn of(UserAccount user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new SignedIn(user.getId(), user.getEmail(), name.isEmpty() ? user.getEmail() : name, user.isOperator(),
                user.isMustChangePassword());
    }

    public Set<String> groups() {
        if (mustChangePassword) {
            return Set.of(PASSWORD_CHANGE);
        }
        return operator ? Set.of(USER, OPERATOR) : Set.of(USER);
    }
}
