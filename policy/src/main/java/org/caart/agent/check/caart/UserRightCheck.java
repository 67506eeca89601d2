package org.caart.agent.check.caart;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.caart.agent.check.CheckInfo;
import org.caart.agent.check.Host;
import org.caart.agent.check.Outcome;
import org.caart.agent.check.PolicyException;
import org.caart.agent.platform.common.OsFamily;

/**
 * Who holds a user right (e.g. SeRemoteInteractiveLogonRight). Accounts are given as SIDs, which
 * do not depend on the system language (S-1-5-32-544 is Administrators everywhere); names are
 * compared case-insensitively for accounts secedit cannot write as a SID. Operators: exactly (the
 * same set; an empty list means nobody), only (no one outside the list), includes, excludes.
 */
final class UserRightCheck extends TypedCheck {

    enum Operator {
        EXACTLY, ONLY, INCLUDES, EXCLUDES;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String right;
    private final Operator operator;
    private final Set<String> accounts;

    private UserRightCheck(CheckInfo info, String right, Operator operator, Set<String> accounts) {
        super(info, "user-right", OsFamily.WINDOWS);
        this.right = right;
        this.operator = operator;
        this.accounts = accounts;
    }

    static UserRightCheck read(CheckInfo info, Fields check) throws PolicyException {
        String right = check.text("right");
        if (!right.matches("Se[A-Za-z]+")) {
            throw check.error("right", "must be a constant such as SeNetworkLogonRight, not '" + right + "'");
        }
        Operator operator = check.choice("op", Operator.class, Operator.EXACTLY);
        Set<String> accounts = normalize(check.list("accounts"));
        if (accounts.isEmpty() && operator != Operator.EXACTLY && operator != Operator.ONLY) {
            throw check.error("accounts", "needs at least one account for op " + operator);
        }
        return new UserRightCheck(info, right, operator, accounts);
    }

    @Override
    String expected() {
        if (accounts.isEmpty()) {
            return right + " held by no one";
        }
        return right + " " + operator + " " + accounts;
    }

    @Override
    Outcome probe(Host host) {
        Set<String> holders = normalize(host.platform().securityPolicy().holders(right));
        boolean holds = switch (operator) {
            case EXACTLY -> holders.equals(accounts);
            case ONLY -> accounts.containsAll(holders);
            case INCLUDES -> holders.containsAll(accounts);
            case EXCLUDES -> holders.stream().noneMatch(accounts::contains);
        };
        String observed = holders.isEmpty() ? "held by no one" : "held by " + holders;
        return holds ? Outcome.passed(expected(), observed) : Outcome.failed(expected(), observed);
    }

    private static Set<String> normalize(List<String> accounts) {
        Set<String> set = new TreeSet<>();
        for (String account : accounts) {
            String trimmed = account.strip();
            set.add((trimmed.startsWith("*") ? trimmed.substring(1) : trimmed).toUpperCase(Locale.ROOT));
        }
        return set;
    }
}
