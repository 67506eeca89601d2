package org.caart.agent.platform.windows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;

import org.caart.agent.platform.common.PlatformException;
import org.caart.agent.platform.common.RegistryAccess;
import org.caart.agent.platform.common.RegistryKey;
import org.caart.agent.platform.common.RegistryValue;

/** The registry through Advapi32Util, always opened in the 64-bit view (KEY_WOW64_64KEY). */
final class WindowsRegistry implements RegistryAccess {

    private static final int VIEW = WinNT.KEY_WOW64_64KEY;

    @Override
    public boolean keyExists(String fullKey) {
        RegistryKey key = RegistryKey.parse(fullKey);
        try {
            return Advapi32Util.registryKeyExists(hive(key), key.path(), VIEW);
        } catch (Win32Exception e) {
            throw failure(key, e);
        }
    }

    @Override
    public List<String> valueNames(String fullKey) {
        return List.copyOf(values(RegistryKey.parse(fullKey)).keySet());
    }

    @Override
    public List<String> subKeys(String fullKey) {
        RegistryKey key = RegistryKey.parse(fullKey);
        try {
            return Arrays.asList(Advapi32Util.registryGetKeys(hive(key), key.path(), VIEW));
        } catch (Win32Exception e) {
            if (e.getErrorCode() == WinError.ERROR_FILE_NOT_FOUND) {
                return List.of();
            }
            throw failure(key, e);
        }
    }

    @Override
    public Optional<RegistryValue> value(String fullKey, String name) {
        String wanted = name == null || name.equals("(Default)") ? "" : name;
        return Optional.ofNullable(values(RegistryKey.parse(fullKey)).get(wanted)).map(RegistryValue::ofJava);
    }

    /** All values of a key with case-insensitive names; empty when the key does not exist. */
    private Map<String, Object> values(RegistryKey key) {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try {
            values.putAll(Advapi32Util.registryGetValues(hive(key), key.path(), VIEW));
        } catch (Win32Exception e) {
            if (e.getErrorCode() != WinError.ERROR_FILE_NOT_FOUND) {
                throw failure(key, e);
            }
        } catch (RuntimeException e) {
            throw new PlatformException("cannot read the values of " + key + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static WinReg.HKEY hive(RegistryKey key) {
        return switch (key.hive()) {
            case HKEY_LOCAL_MACHINE -> WinReg.HKEY_LOCAL_MACHINE;
            case HKEY_CURRENT_USER -> WinReg.HKEY_CURRENT_USER;
            case HKEY_USERS -> WinReg.HKEY_USERS;
            case HKEY_CLASSES_ROOT -> WinReg.HKEY_CLASSES_ROOT;
            case HKEY_CURRENT_CONFIG -> WinReg.HKEY_CURRENT_CONFIG;
        };
    }

    private static PlatformException failure(RegistryKey key, Win32Exception e) {
        String what = e.getErrorCode() == WinError.ERROR_ACCESS_DENIED ? "access denied" : e.getMessage();
        return new PlatformException("cannot read registry key " + key + ": " + what, e);
    }
}
