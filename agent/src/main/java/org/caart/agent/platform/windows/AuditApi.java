package org.caart.agent.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** The advapi32 audit policy functions jna-platform does not declare. */
interface AuditApi extends StdCallLibrary {

    AuditApi INSTANCE = Native.load("advapi32", AuditApi.class, W32APIOptions.DEFAULT_OPTIONS);

    /** Offset of {@code AuditingInformation} in AUDIT_POLICY_INFORMATION (after the subcategory GUID). */
    int AUDITING_INFORMATION_OFFSET = 16;

    /** BOOLEAN AuditQuerySystemPolicy(const GUID*, ULONG, PAUDIT_POLICY_INFORMATION*); BOOLEAN is one byte. */
    byte AuditQuerySystemPolicy(Guid.GUID subCategoryGuids, int policyCount, PointerByReference auditPolicy);

    void AuditFree(Pointer buffer);
}
