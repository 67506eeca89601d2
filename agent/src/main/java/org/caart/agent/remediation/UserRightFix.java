package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/**
 * Who holds a user right: the check's list for {@code exactly}, the current holders without strangers for
 * {@code only}, with the missing accounts for {@code includes}, without the listed ones for {@code excludes}.
 * Logon rights over the network and Remote Desktop are REMOTE_ACCESS.
 */
final class UserRightFix implements Fix {

    private static final Set<String> REMOTE = Set.of("SeNetworkLogonRight", "SeRemoteInteractiveLogonRight",
            "SeDenyNetworkLogonRight", "SeDenyRemoteInteractiveLogonRight");

    private final WindowsSettings windows;
    private final String right;
    private final List<String> accounts;

    UserRightFix(WindowsSettings windows, String right, List<String> accounts) {
        this.windows = windows;
        this.right = right;
        this.accounts = List.copyOf(accounts);
    }

    /** The holders a check's operator asks for, from the current ones. */
    static List<String> holders(String op, List<String> current, List<String> listed) {
        List<String> holders = new ArrayList<>();
        switch (op) {
            case "only" -> current.stream().filter(a -> contains(listed, a)).forEach(holders::add);
            case "includes" -> {
                holders.addAll(current);
                listed.stream().filter(a -> !contains(current, a)).forEach(holders::add);
            }
            case "excludes" -> current.stream().filter(a -> !contains(listed, a)).forEach(holders::add);
            default -> holders.addAll(listed);
        }
        return holders;
    }

    private static boolean contains(List<String> accounts, String account) {
        String wanted = account.startsWith("*") ? account.substring(1) : account;
        return accounts.stream().anyMatch(a -> (a.startsWith("*") ? a.substring(1) : a).equalsIgnoreCase(wanted));
    }

    @Override
    public FixKind kind() {
        return FixKind.USER_RIGHT;
    }

    @Override
    public String target() {
        return right + (accounts.isEmpty() ? " held by no one" : " held by " + accounts);
    }

    @Override
    public Set<RemediationFlag> flags() {
        return REMOTE.contains(right) ? Set.of(RemediationFlag.REMOTE_ACCESS) : Set.of();
    }

    @Override
    public List<Saved> capture() {
        return List.of(Saved.value("user-right", right, String.join(",", windows.rightHolders(right))));
    }

    @Override
    public void apply() {
        windows.setRightHolders(right, accounts);
    }
}
