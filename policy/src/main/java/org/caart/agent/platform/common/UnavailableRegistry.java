package org.caart.agent.platform.common;

import java.util.List;
import java.util.Optional;

/** The registry of a host that has none: every read says so. */
public final class UnavailableRegistry implements RegistryAccess {

    private final OsFamily family;

    public UnavailableRegistry(OsFamily family) {
        this.family = family;
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public boolean keyExists(String fullKey) {
        throw unavailable();
    }

    @Override
    public List<String> valueNames(String fullKey) {
        throw unavailable();
    }

    @Override
    public List<String> subKeys(String fullKey) {
        throw unavailable();
    }

    @Override
    public Optional<RegistryValue> value(String fullKey, String name) {
        throw unavailable();
    }

    private PlatformException unavailable() {
        return new PlatformException("the Windows registry is unavailable on a " + family + " host");
    }
}
