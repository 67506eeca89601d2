package org.caart.agent.platform.common;

import java.util.List;
import java.util.Optional;

/**
 * Read-only access to the Windows registry, always in the 64-bit view. Keys are full paths such as
 * {@code HKEY_LOCAL_MACHINE\SOFTWARE\...} or {@code HKLM\SOFTWARE\...} (see {@link RegistryKey}).
 * A missing key or value is empty/false; access denied and other failures raise
 * {@link PlatformException}.
 */
public interface RegistryAccess {

    /** False on hosts without a registry; every other method then raises {@link PlatformException}. */
    default boolean available() {
        return true;
    }

    boolean keyExists(String fullKey);

    /** Value names of an existing key; empty when the key does not exist. */
    List<String> valueNames(String fullKey);

    /** Sub-key names of an existing key; empty when the key does not exist. */
    List<String> subKeys(String fullKey);

    Optional<RegistryValue> value(String fullKey, String name);
}
