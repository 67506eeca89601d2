package org.caart.company.entity;

import static org.caart.company.entity.Permission.MANAGE_COMPANY;
import static org.caart.company.entity.Permission.MANAGE_DATA;
import static org.caart.company.entity.Permission.MANAGE_FEED;
import static org.caart.company.entity.Permission.MANAGE_MEMBERS;
import static org.caart.company.entity.Permission.MANAGE_OWNERS;
import static org.caart.company.entity.Permission.ORDER_REMEDIATION;
import static org.caart.company.entity.Permission.READ_FEED;
import static org.caart.company.entity.Permission.RUN_AUDITS;
import static org.caart.company.entity.Permission.VIEW;
import static org.caart.company.entity.Permission.VIEW_TRAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermissionTest {

    /** The columns of the table below, in order; a new permission or role must be added to the table. */
    private static final List<Permission> COLUMNS =
            List.of(VIEW, RUN_AUDITS, ORDER_REMEDIATION, MANAGE_COMPANY, MANAGE_MEMBERS, VIEW_TRAIL, READ_FEED,
                    MANAGE_FEED, MANAGE_DATA, MANAGE_OWNERS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # role     | VIEW | RUN_AUDITS | ORDER_REMEDIATION | MANAGE_COMPANY | MANAGE_MEMBERS | VIEW_TRAIL | READ_FEED | MANAGE_FEED | MANAGE_DATA | MANAGE_OWNERS
            OWNER      | true | true       | true              | true           | true           | true       | true      | true        | true        | true
            ADMIN      | true | true       | true              | true           | true           | true       | true      | false       | false       | false
            AUDITOR    | true | true       | false             | false          | false          | false      | true      | false       | false       | false
            REMEDIATOR | true | false      | true              | false          | false          | false      | false     | false       | false       | false
            VIEWER     | true | false      | false             | false          | false          | false      | false     | false       | false       | false
            """)
    void eachRoleHoldsExactlyThePermissionsOfItsRow(Role role, boolean view, boolean runAudits,
            boolean orderRemediation, boolean manageCompany, boolean manageMembers, boolean viewTrail,
            boolean readFeed, boolean manageFeed, boolean manageData, boolean manageOwners) {
        List<Boolean> expected = List.of(view, runAudits, orderRemediation, manageCompany, manageMembers, viewTrail,
                readFeed, manageFeed, manageData, manageOwners);
        for (int i = 0; i < COLUMNS.size(); i++) {
            Permission permission = COLUMNS.get(i);
            assertEquals(expected.get(i), role.can(permission), role + " × " + permission);
            assertEquals(expected.get(i), permission.grantedTo(role), role + " × " + permission);
            assertEquals(expected.get(i), permission.roles().contains(role), role + " × " + permission);
        }
    }

    @Test
    void theTableCoversEveryRoleAndEveryPermission() {
        assertEquals(List.of(Role.OWNER, Role.ADMIN, Role.AUDITOR, Role.REMEDIATOR, Role.VIEWER),
                List.of(Role.values()));
        assertEquals(COLUMNS, List.of(Permission.values()));
    }

    @Test
    void onlyOwnersManageOwners() {
        assertEquals(Set.of(Role.OWNER), MANAGE_OWNERS.roles());
    }

    @Test
    void everyRoleMayView() {
        assertEquals(EnumSet.allOf(Role.class), VIEW.roles());
    }

    @Test
    void viewerMayOnlyView() {
        for (Permission permission : Permission.values()) {
            assertEquals(permission == VIEW, Role.VIEWER.can(permission), permission.name());
        }
    }

    @Test
    void changingTheReturnedRolesDoesNotChangeTheMatrix() {
        VIEW.roles().clear();
        MANAGE_OWNERS.roles().add(Role.VIEWER);
        assertTrue(Role.VIEWER.can(VIEW));
        assertEquals(Set.of(Role.OWNER), MANAGE_OWNERS.roles());
    }
}
