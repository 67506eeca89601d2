package org.caart.agent.platform;

import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.windows.WindowsServices;

/**
 * The port to the operating system's service manager: the Windows Service Control Manager through JNA
 * ({@link WindowsServices}); on other systems every call fails with a sentence pointing to the systemd unit.
 * Failures are {@link ServiceException}s whose message is meant for the user.
 */
public interface SystemServices {

    boolean installed(String name);

    /** Registers the service (automatic start, restart on failure); fails when it exists or rights are missing. */
    void install(ServiceDefinition definition);

    /** Stops the service if it runs and deletes it. */
    void remove(String name);

    /**
     * Runs this process as the service {@code name}: connects to the service manager, reports "running", calls
     * {@link ServiceBody#run()} and, on a stop or shutdown request, {@link ServiceBody#stop()}; returns when the body
     * is done and "stopped" was reported. Fails when the process was not started by the service manager.
     */
    void runAsService(String name, ServiceBody body);

    static SystemServices current() {
        return OsFamily.ofThisJvm() == OsFamily.WINDOWS ? new WindowsServices() : new ServicesElsewhere();
    }
}
