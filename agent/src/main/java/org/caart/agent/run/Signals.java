package org.caart.agent.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM (systemd, docker stop) and SIGINT (Ctrl+C; a Windows service wrapper's stop) into an orderly
 * shutdown instead of the JVM's immediate exit, so the agent can finish its current check, keep its results and
 * exit 0. A second signal exits at once. Uses {@code sun.misc.Signal} (module jdk.unsupported, kept on purpose for
 * this by JEP 260); the previous handlers come back when the work is done.
 */
public final class Signals {

    private Signals() {
    }

    public static <T> T handling(Runnable onSignal, Supplier<T> work) {
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        AtomicBoolean signalled = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> {
                    if (signalled.getAndSet(true)) {
                        Runtime.getRuntime().halt(128 + s.getNumber());
                    }
                    onSignal.run();
                }));
            } catch (IllegalArgumentException e) {
                // this OS has no such signal, or the JVM keeps it (e.g. -Xrs)
            }
        }
        try {
            return work.get();
        } finally {
            previous.forEach(Signal::handle);
        }
    }
}
