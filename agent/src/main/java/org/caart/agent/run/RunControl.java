package org.caart.agent.run;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.caart.agent.transport.ReEnrollRequiredException;

/**
 * What the runs of one agent process share: the run ids it took on (an order is repeated until its first batch
 * arrives, so each run id is taken once), the runs the server asked to stop, and whether the agent is shutting down
 * or was revoked. Shutting down interrupts the thread that polls for orders.
 */
public final class RunControl {

    private static final int REMEMBERED_RUNS = 10_000;

    private final Set<String> accepted = new LinkedHashSet<>();
    private final Set<String> stops = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;
    private volatile ReEnrollRequiredException revocation;
    private Thread poller;

    /** True the first time a run id is seen: the run should start. */
    public synchronized boolean accept(String runId) {
        if (runId == null || !accepted.add(runId)) {
            return false;
        }
        if (accepted.size() > REMEMBERED_RUNS) {
            Iterator<String> oldest = accepted.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** The server asked to stop a run; runs this agent never took on are ignored. */
    public synchronized void requestStop(String runId) {
        if (accepted.contains(runId)) {
            stops.add(runId);
        }
    }

    public boolean stopRequested(String runId) {
        return stops.contains(runId);
    }

    public void finished(String runId) {
        stops.remove(runId);
    }

    /** Starts shutting down; false when it already was. */
    public synchronized boolean shutdown() {
        boolean first = !shuttingDown;
        shuttingDown = true;
        if (poller != null) {
            poller.interrupt();
        }
        return first;
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** The server no longer knows this agent: everything stops. */
    public void revoked(ReEnrollRequiredException e) {
        if (revocation == null) {
            revocation = e;
        }
        shutdown();
    }

    public Optional<ReEnrollRequiredException> revocation() {
        return Optional.ofNullable(revocation);
    }

    /** The thread to interrupt on shutdown (null: none any more; a pending interrupt is then cleared). */
    synchronized void poller(Thread thread) {
        poller = thread;
        if (thread == null) {
            Thread.interrupted();
        }
    }
}
