package org.caart.agent.platform.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.COM.WbemcliUtil;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT.HRESULT;

import org.caart.agent.platform.common.HotFix;
import org.caart.agent.platform.common.PlatformException;

/**
 * The installed-updates history through WMI: {@code SELECT HotFixID, InstalledOn FROM Win32_QuickFixEngineering}
 * (the query is built from {@link Property}; WQL names are case-insensitive). COM is initialized for the calling
 * thread and released again when this call initialized it.
 */
final class WindowsQuickFixes {

    private static final int TIMEOUT_MILLIS = 60_000;

    enum Property {
        HOTFIXID, INSTALLEDON
    }

    private WindowsQuickFixes() {
    }

    static List<HotFix> installed() {
        HRESULT init = Ole32.INSTANCE.CoInitializeEx(null, Ole32.COINIT_MULTITHREADED);
        boolean initialized = COMUtils.SUCCEEDED(init);
        if (!initialized && init.intValue() != WinError.RPC_E_CHANGED_MODE) {
            throw failure("cannot initialize COM", init);
        }
        try {
            HRESULT security = Ole32.INSTANCE.CoInitializeSecurity(null, -1, null, null,
                    Ole32.RPC_C_AUTHN_LEVEL_DEFAULT, Ole32.RPC_C_IMP_LEVEL_IMPERSONATE, null, Ole32.EOAC_NONE, null);
            if (COMUtils.FAILED(security) && security.intValue() != WinError.RPC_E_TOO_LATE) {
                throw failure("cannot set COM security", security);
            }
            return rows(new WbemcliUtil.WmiQuery<>("Win32_QuickFixEngineering", Property.class).execute(TIMEOUT_MILLIS));
        } catch (TimeoutException e) {
            throw new PlatformException("WMI did not list Win32_QuickFixEngineering within 60 s", e);
        } catch (PlatformException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PlatformException("cannot query Win32_QuickFixEngineering: " + e.getMessage(), e);
        } finally {
            if (initialized) {
                Ole32.INSTANCE.CoUninitialize();
            }
        }
    }

    private static List<HotFix> rows(WbemcliUtil.WmiResult<Property> result) {
        List<HotFix> rows = new ArrayList<>();
        for (int i = 0; i < result.getResultCount(); i++) {
            rows.add(new HotFix(Objects.toString(result.getValue(Property.HOTFIXID, i), ""),
                    Objects.toString(result.getValue(Property.INSTALLEDON, i), "")));
        }
        return rows;
    }

    private static PlatformException failure(String what, HRESULT result) {
        return new PlatformException(what + " for WMI: HRESULT 0x" + Integer.toHexString(result.intValue()));
    }
}
