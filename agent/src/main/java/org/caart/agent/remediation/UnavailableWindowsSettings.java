package org.caart.agent.remediation;

import java.lang.reflect.Proxy;

/** A {@link WindowsSettings} that refuses every call with one sentence (Linux hosts, fixture roots). */
final class UnavailableWindowsSettings {

    private UnavailableWindowsSettings() {
    }

    static WindowsSettings because(String why) {
        return (WindowsSettings) Proxy.newProxyInstance(WindowsSettings.class.getClassLoader(),
                new Class<?>[] {WindowsSettings.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "no Windows settings: " + why
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                        : proxy == args[0];
                    }
                    throw new RemediationException("Windows settings cannot be changed here: " + why);
                });
    }
}
