package org.caart.agent.platform.common;

import java.util.Optional;

/** Reads service start types from the registry, where the Service Control Manager keeps them. */
public final class WindowsServices {

    static final String SERVICES = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\";

    private WindowsServices() {
    }

    public static Optional<ServiceStartType> startType(RegistryAccess registry, String serviceName) {
        if (serviceName.isBlank() || serviceName.contains("\\")) {
            throw new IllegalArgumentException("invalid service name '" + serviceName + "'");
        }
        String key = SERVICES + serviceName;
        if (!registry.keyExists(key)) {
            return Optional.empty();
        }
        long start = registry.value(key, "Start").flatMap(v -> v.number().stream().boxed().findFirst())
                .orElseThrow(() -> new PlatformException("service " + serviceName + " has no numeric Start value"));
        boolean delayed = registry.value(key, "DelayedAutostart")
                .map(v -> v.number().orElse(0) != 0).orElse(false);
        return Optional.of(ServiceStartType.of(start, delayed));
    }
}
