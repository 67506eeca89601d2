package org.caart.agent.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** advapi32's AuditSetSystemPolicy, which jna-platform does not declare. */
interface AuditSetApi extends StdCallLibrary {

    AuditSetApi INSTANCE = Native.load("advapi32", AuditSetApi.class, W32APIOptions.DEFAULT_OPTIONS);

    /** Size of AUDIT_POLICY_INFORMATION: subcategory GUID, ULONG AuditingInformation, category GUID. */
    int POLICY_SIZE = 36;

    /** BOOLEAN AuditSetSystemPolicy(PCAUDIT_POLICY_INFORMATION pAuditPolicy, ULONG dwPolicyCount). */
    byte AuditSetSystemPolicy(Pointer auditPolicy, int policyCount);
}
