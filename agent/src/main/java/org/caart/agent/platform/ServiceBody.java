package org.caart.agent.platform;

/** The work of a service: {@link #run()} blocks until done and returns its exit code; {@link #stop()} ends it. */
public interface ServiceBody {

    int run();

    void stop();
}
