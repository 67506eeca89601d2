package org.caart.feed.control;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An open connection to a destination and what was sent on it: {@code sent} is the last number written, and each
 * write is remembered with its time until it is confirmed. A write counts as received once the connection is still
 * open {@code confirmAfterNanos} after it (plain TCP syslog has no acknowledgement: what a receiver that dies
 * loses is the little it had not read yet, and that is within the last moments before the failure).
 */
public final class Link {

    private final SyslogConnection connection;
    private final Object config;
    private final Deque<long[]> written = new ArrayDeque<>();
    private final long openedAt;
    private long sent;

    public Link(SyslogConnection connection, Object config, long from) {
        this(connection, config, from, System.nanoTime());
    }

    Link(SyslogConnection connection, Object config, long from, long openedAt) {
        this.connection = connection;
        this.config = config;
        this.sent = from;
        this.openedAt = openedAt;
    }

    /** Whether the connection has been open for {@code nanos} at {@code now} (a receiver that took it back). */
    public boolean openFor(long now, long nanos) {
        return now - openedAt >= nanos;
    }

    public SyslogConnection connection() {
        return connection;
    }

    public Object config() {
        return config;
    }

    public long sent() {
        return sent;
    }

    public void wrote(long last, long nanos) {
        sent = last;
        written.addLast(new long[] {last, nanos});
    }

    /** The highest number written at least {@code confirmAfterNanos} before {@code nanos}, or -1; forgets it. */
    public long confirm(long nanos, long confirmAfterNanos) {
        long confirmed = -1;
        while (!written.isEmpty() && nanos - written.peekFirst()[1] >= confirmAfterNanos) {
            confirmed = written.removeFirst()[0];
        }
        return confirmed;
    }
}
