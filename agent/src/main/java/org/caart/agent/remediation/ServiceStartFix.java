package org.caart.agent.remediation;

import java.util.List;
import java.util.Set;

import org.caart.agent.platform.common.ServiceStartType;
import org.caart.contract.agent.v1.FixKind;
import org.caart.contract.agent.v1.RemediationFlag;

/**
 * A service's start type. A running service keeps running until it is stopped or the host restarts, hence
 * NEEDS_REBOOT: the check reads the start type, which is set at once.
 */
final class ServiceStartFix implements Fix {

    private final WindowsSettings windows;
    private final String service;
    private final ServiceStartType type;

    ServiceStartFix(WindowsSettings windows, String service, ServiceStartType type) {
        this.windows = windows;
        this.service = service;
        this.type = type;
    }

    @Override
    public FixKind kind() {
        return FixKind.SERVICE_START_TYPE;
    }

    @Override
    public String target() {
        return "start type of " + service + " = " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public Set<RemediationFlag> flags() {
        return Set.of(RemediationFlag.NEEDS_REBOOT);
    }

    @Override
    public List<Saved> capture() {
        ServiceStartType now = windows.serviceStartType(service)
                .orElseThrow(() -> new RemediationException("service " + service + " is not installed"));
        return List.of(Saved.value("service-start", service, now.name()));
    }

    @Override
    public void apply() {
        windows.setServiceStartType(service, type);
    }
}
