package org.caart.agent.platform.windows;

import java.util.Optional;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.ptr.PointerByReference;

import org.caart.agent.platform.common.PlatformException;

/** Reads one advanced audit subcategory's raw AuditingInformation flags by GUID. */
final class WindowsAudit {

    private WindowsAudit() {
    }

    static Optional<Integer> flags(String subcategoryGuid) {
        Guid.GUID guid = new Guid.GUID(subcategoryGuid);
        PointerByReference result = new PointerByReference();
        if (AuditApi.INSTANCE.AuditQuerySystemPolicy(guid, 1, result) == 0) {
            int error = Native.getLastError();
            if (error == WinError.ERROR_INVALID_PARAMETER || error == WinError.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            throw new PlatformException("AuditQuerySystemPolicy(" + subcategoryGuid + ") failed with Windows error "
                    + error + (error == WinError.ERROR_PRIVILEGE_NOT_HELD ? " (run the agent as Administrator)" : ""));
        }
        Pointer buffer = result.getValue();
        try {
            return Optional.of(buffer.getInt(AuditApi.AUDITING_INFORMATION_OFFSET));
        } finally {
            AuditApi.INSTANCE.AuditFree(buffer);
        }
    }
}
