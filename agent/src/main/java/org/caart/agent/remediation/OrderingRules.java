package org.caart.agent.remediation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.caart.contract.agent.v1.RemediationFlag;

/**
 * The known ordering rules, applied to an order's items before anything changes (rollback runs in the reverse
 * order):
 * <ol>
 * <li>Windows account lockout: LockoutBadCount first (duration and reset counter exist only with a threshold),
 * then LockoutDuration and ResetLockoutCount in the order that keeps reset counter &lt;= duration at every step.</li>
 * <li>Windows password age: MaximumPasswordAge and MinimumPasswordAge in the order that keeps minimum &lt;
 * maximum.</li>
 * <li>Changes to remote access go after all others, so that a dead-man revert undoes nothing but themselves.</li>
 * </ol>
 * The items a rule moves keep the places the group held, so other items stay where the order put them.
 */
final class OrderingRules {

    private OrderingRules() {
    }

    /** The items in the order to apply them; {@code ordered} receives the ids of items a rule placed. */
    static List<Planned> order(List<Planned> items, Set<String> ordered) {
        List<Planned> result = new ArrayList<>(items);
        Map<String, Planned> bySetting = items.stream().filter(p -> p.fix() instanceof SecurityPolicyFix)
                .collect(Collectors.toMap(p -> p.fix().orderingName().toLowerCase(java.util.Locale.ROOT),
                        Function.identity(), (a, b) -> a));
        Planned threshold = bySetting.get("lockoutbadcount");
        Planned duration = bySetting.get("lockoutduration");
        Planned reset = bySetting.get("resetlockoutcount");
        List<Planned> lockout = new ArrayList<>();
        add(lockout, threshold);
        if (duration != null && reset != null && !fits(now(reset), target(duration))) {
            add(lockout, reset);
            add(lockout, duration);
        } else {
            add(lockout, duration);
            add(lockout, reset);
        }
        regroup(result, lockout, ordered);
        Planned maximum = bySetting.get("maximumpasswordage");
        Planned minimum = bySetting.get("minimumpasswordage");
        List<Planned> age = new ArrayList<>();
        boolean maximumFirst = maximum == null || minimum == null || fits(now(minimum), target(maximum));
        add(age, maximumFirst ? maximum : minimum);
        add(age, maximumFirst ? minimum : maximum);
        regroup(result, age, ordered);
        result.sort(Comparator.comparing(p -> p.fix() != null
                && p.fix().flags().contains(RemediationFlag.REMOTE_ACCESS)));
        return result;
    }

    /** Whether {@code lower} &lt;= {@code upper} (unknown values do not constrain). */
    private static boolean fits(OptionalLong lower, OptionalLong upper) {
        return lower.isEmpty() || upper.isEmpty() || lower.getAsLong() <= upper.getAsLong();
    }

    private static OptionalLong now(Planned planned) {
        SecurityPolicyFix fix = (SecurityPolicyFix) planned.fix();
        return number(fix.current());
    }

    private static OptionalLong target(Planned planned) {
        return number(Optional.of(((SecurityPolicyFix) planned.fix()).value()));
    }

    private static OptionalLong number(Optional<String> text) {
        return text.filter(t -> t.strip().matches("-?\\d{1,18}")).map(t -> OptionalLong.of(Long.parseLong(t.strip())))
                .orElse(OptionalLong.empty());
    }

    private static void add(List<Planned> group, Planned planned) {
        if (planned != null) {
            group.add(planned);
        }
    }

    /** Puts the group's items, in the group's order, into the places they occupy. */
    private static void regroup(List<Planned> items, List<Planned> group, Set<String> ordered) {
        if (group.size() < 2) {
            return;
        }
        Set<Planned> members = new HashSet<>(group);
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (members.contains(items.get(i))) {
                slots.add(i);
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            items.set(slots.get(i), group.get(i));
        }
        group.forEach(p -> ordered.add(p.item().itemId()));
    }
}
