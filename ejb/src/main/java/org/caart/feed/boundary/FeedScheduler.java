package org.caart.feed.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.caart.feed.boundary.FeedDelivery.Target;
import org.caart.feed.control.Cef;
import org.caart.feed.control.Link;
import org.caart.feed.control.Networks;
import org.caart.feed.control.OcsfEvent;
import org.caart.feed.control.SyslogConnection;
import org.caart.feed.control.SyslogFrame;
import org.caart.feed.entity.FeedItem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every two seconds: numbers the events committed since ({@link Feed#sequence}), then sends each due destination
 * what it has not had, on a connection kept open between ticks, in a task of its own (a slow receiver holds up no
 * other, and never the ingest: events are stored before and apart from any sending). Failures back off
 * ({@link org.caart.feed.entity.FeedDestination}); a send blocked for 30 s is cut.
 */
@Singleton
@DependsOn("SchemaMigration")
public class FeedScheduler {

    private static final System.Logger LOG = System.getLogger(FeedScheduler.class.getName());
    static final long CONFIRM_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long SEND_FOR_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final int BATCH = 2000;

    @Inject
    Feed feed;

    @Inject
    FeedDelivery delivery;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "caart.feed.refused-networks", defaultValue = Networks.DEFAULT)
    String refusedNetworks;

    @Inject
    @ConfigProperty(name = "caart.feed.hostname", defaultValue = " ")
    String hostname;

    private final String owner = host() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
    private final Map<Long, Link> links = new ConcurrentHashMap<>();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        for (Long company : feed.unsequenced()) {
            try {
                feed.sequence(company);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Numbering the feed of company " + company + " failed; retried in 2 s", e);
            }
        }
        links.values().stream().filter(l -> l.connection().stuck(STUCK_NANOS)).forEach(l -> l.connection().close());
        List<Target> due = delivery.due(owner);
        Set<Long> dueIds = new HashSet<>();
        for (Target target : due) {
            dueIds.add(target.id());
            if (running.add(target.id())) {
                try {
                    executor.execute(() -> {
                        try {
                            deliver(target);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "Delivery to feed destination " + target.id() + " failed; "
                                    + "retried at the next tick", e);
                        } finally {
                            running.remove(target.id());
                        }
                    });
                } catch (RuntimeException e) {
                    running.remove(target.id());
                    throw e;
                }
            }
        }
        for (Long id : new ArrayList<>(links.keySet())) {
            if (!dueIds.contains(id) && !running.contains(id)) {
                close(id); // turned off, deleted, backing off or taken over by another instance
            }
        }
    }

    void deliver(Target target) {
        if (stopping || !delivery.lease(target.id(), owner)) {
            close(target.id());
            return;
        }
        Link link = links.get(target.id());
        if (link != null && !((Target) link.config()).sameLink(target)) {
            close(target.id());
            link = null;
        }
        if (link != null && !link.connection().open()) {
            fail(target, "The receiver closed the connection");
            return;
        }
        try {
            if (link == null) {
                SyslogConnection connection = SyslogConnection.connect(target.host(), target.port(), target.tls(),
                        target.caPem(), new Networks(refusedNetworks));
                link = new Link(connection, target, target.deliveredSeq());
                links.put(target.id(), link);
                if (target.failures() > 0) {
                    LOG.log(Level.INFO, "Feed destination {0} ({1}:{2}) reachable again", target.id(), target.host(),
                            String.valueOf(target.port()));
                }
            }
            confirm(target, link);
            long until = System.nanoTime() + SEND_FOR_NANOS;
            while (!stopping && System.nanoTime() < until) {
                List<FeedItem> items = feed.items(target.companyId(), link.sent(), BATCH);
                if (items.isEmpty()) {
                    break;
                }
                List<byte[]> frames = new ArrayList<>(items.size());
                for (FeedItem item : items) {
                    String payload = "CEF".equals(target.payload()) ? Cef.of(item, version())
                            : OcsfEvent.of(item, version());
                    frames.add(SyslogFrame.frame(item, hostname(), payload));
                }
                link.connection().send(frames);
                link.wrote(items.get(items.size() - 1).seq(), System.nanoTime());
                delivery.lease(target.id(), owner);
            }
        } catch (IOException | RuntimeException e) {
            fail(target, message(e));
        }
    }

    /**
     * Records what the receiver is known to have; a destination that was failing is well again once a connection
     * stayed open for the confirmation delay, even with nothing to send.
     */
    private void confirm(Target target, Link link) {
        long now = System.nanoTime();
        long confirmed = link.confirm(now, CONFIRM_AFTER_NANOS);
        if (confirmed > target.deliveredSeq()
                || (target.failures() > 0 && link.openFor(now, CONFIRM_AFTER_NANOS))) {
            delivery.confirmed(target.id(), Math.max(confirmed, target.deliveredSeq()));
        }
    }

    private void fail(Target target, String error) {
        close(target.id());
        try {
            int failures = delivery.failed(target.id(), error);
            LOG.log(failures == 1 ? Level.WARNING : Level.DEBUG, "Feed destination {0} of company {1} ({2}:{3}): "
                    + "{4}; failure {5}, retried with back-off from number {6}", String.valueOf(target.id()),
                    String.valueOf(target.companyId()), target.host(), String.valueOf(target.port()), error,
                    String.valueOf(failures), String.valueOf(target.deliveredSeq() + 1));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the failure of feed destination " + target.id(), e);
        }
    }

    private void close(long id) {
        Link link = links.remove(id);
        if (link != null) {
            link.connection().close();
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        for (Long id : new ArrayList<>(links.keySet())) {
            close(id);
            try {
                delivery.release(id);
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Lease of feed destination " + id + " not released at shutdown", e);
            }
        }
    }

    private String hostname() {
        return hostname == null || hostname.isBlank() ? host() : hostname.strip();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "caart";
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        if (m != null && e.getClass() == IOException.class) {
            return m; // our own words (a refused network, an unusable CA)
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String version() {
        return Objects.requireNonNullElse(FeedScheduler.class.getPackage().getImplementationVersion(), "unknown");
    }
}
