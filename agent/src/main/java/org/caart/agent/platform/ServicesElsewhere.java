package org.caart.agent.platform;

/** Service management where the agent has none: Linux uses the systemd unit of its package. */
final class ServicesElsewhere implements SystemServices {

    static final String ONLY_WINDOWS = "Windows services exist only on Windows; on Linux install the caart-agent"
            + " package, whose systemd unit runs the agent (docs/agent-packaging.md)";

    @Override
    public boolean installed(String name) {
        throw new ServiceException(ONLY_WINDOWS);
    }

    @Override
    public void install(ServiceDefinition definition) {
        throw new ServiceException(ONLY_WINDOWS);
    }

    @Override
    public void remove(String name) {
        throw new ServiceException(ONLY_WINDOWS);
    }

    @Override
    public void runAsService(String name, ServiceBody body) {
        throw new ServiceException(ONLY_WINDOWS);
    }
}
