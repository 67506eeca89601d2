package org.caart.agent.platform;

/** The work of a service: {@link #run()} blocks until done (returning its exit code); {@link #stop()} asks it to end. */
public interface ServiceBody {

    int run();

    void stop();
}
