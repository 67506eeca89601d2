package org.caart.feed.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Pattern;
import org.caart.platform.InvalidInputException;

/**
 * A syslog receiver (RFC 5424 over TCP, RFC 6587 octet counting, optionally TLS) that gets every event of its
 * company's feed in sequence, at least once. {@code deliveredSeq} is the last number the receiver is known to
 * have taken: sent on a connection that was still open a while later. After a failure, a restart or a move to
 * another instance, sending starts again after it, so a receiver may see a number twice (it carries its sequence
 * number to drop the repeat) but never misses one. Failures wait longer each time ({@link #backoff}).
 */
@Entity
@Table(name = "feed_destination")
public class FeedDestination {

    public static final int NAME_MAX = 80;
    public static final int HOST_MAX = 253;
    public static final int CA_MAX = 20000;
    public static final int ERROR_MAX = 1000;
    static final Duration BACKOFF_FIRST = Duration.ofSeconds(1);
    static final Duration BACKOFF_MAX = Duration.ofMinutes(5);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?"
            + "|\\[?[0-9A-Fa-f:.]{2,45}\\]?");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feed_destination_seq")
    @SequenceGenerator(name = "feed_destination_seq", sequenceName = "feed_destination_seq", allocationSize = 50)
    private Long id;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Size(max = NAME_MAX)
    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Size(max = HOST_MAX)
    @Column(name = "host", nullable = false, length = HOST_MAX)
    private String host;

    @Column(name = "port", nullable = false)
    private int port;

    @Column(name = "tls", nullable = false)
    private boolean tls;

    @Size(max = CA_MAX)
    @Column(name = "ca_pem", length = CA_MAX)
    private String caPem;

    @Enumerated(EnumType.STRING)
    @Column(name = "payload", nullable = false, length = 10)
    private Payload payload;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "delivered_seq", nullable = false)
    private long deliveredSeq;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "failing_since")
    private OffsetDateTime failingSince;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "last_error_at")
    private OffsetDateTime lastErrorAt;

    @Column(name = "next_attempt")
    private OffsetDateTime nextAttempt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected FeedDestination() {
    }

    /** A new destination gets the events numbered after {@code fromSeq} (the company's last number now). */
    public FeedDestination(long companyId, String name, String host, int port, boolean tls, String caPem,
            Payload payload, long fromSeq, OffsetDateTime now) {
        this.companyId = companyId;
        change(name, host, port, tls, caPem, payload, true);
        this.deliveredSeq = fromSeq;
        this.createdAt = now;
    }

    public void change(String name, String host, int port, boolean tls, String caPem, Payload payload,
            boolean enabled) {
        this.name = required("name", name, NAME_MAX);
        String h = required("host", host, HOST_MAX);
        if (!HOST.matcher(h).matches()) {
            throw new InvalidInputException("host", "Not a host name or IP address: " + h);
        }
        this.host = h.toLowerCase(Locale.ROOT);
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "A port is 1 to 65535");
        }
        this.port = port;
        this.tls = tls;
        String ca = caPem == null || caPem.isBlank() ? null : caPem.strip();
        if (ca != null && (!tls || !ca.contains("-----BEGIN CERTIFICATE-----"))) {
            throw new InvalidInputException("caCertificate", tls
                    ? "The CA certificate must be PEM (-----BEGIN CERTIFICATE-----)"
                    : "A CA certificate needs TLS");
        }
        if (ca != null && ca.length() > CA_MAX) {
            throw new InvalidInputException("caCertificate", "At most " + CA_MAX + " characters");
        }
        this.caPem = ca;
        if (payload == null) {
            throw new InvalidInputException("payload", "CEF or JSON");
        }
        this.payload = payload;
        if (enabled && !this.enabled) {
            this.failures = 0;
            this.nextAttempt = null;
            this.failingSince = null;
        }
        this.enabled = enabled;
    }

    /** The receiver took everything up to {@code seq}. */
    public void delivered(long seq, OffsetDateTime now) {
        if (seq > deliveredSeq) {
            deliveredSeq = seq;
            deliveredAt = now;
        }
        if (failures > 0) {
            failures = 0;
            failingSince = null;
            nextAttempt = null;
        }
    }

    /** A connection or send failed: the next attempt waits 1 s, 2 s, 4 s ... up to 5 minutes. */
    public void failed(String error, OffsetDateTime now) {
        failures++;
        if (failingSince == null) {
            failingSince = now;
        }
        lastError = error == null ? "unknown error" : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX)
                : error;
        lastErrorAt = now;
        nextAttempt = now.plus(backoff(failures));
    }

    static Duration backoff(int failures) {
        int doublings = Math.min(Math.max(0, failures - 1), 20);
        Duration wait = BACKOFF_FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : wait;
    }

    public boolean due(OffsetDateTime now) {
        return enabled && (nextAttempt == null || !nextAttempt.isAfter(now));
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters");
        }
        return v;
    }

    public Long getId() {
        return id;
    }

    public long getCompanyId() {
        return companyId;
    }

    public String getName() {
        return name;
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    public boolean isTls() {
        return tls;
    }

    public String getCaPem() {
        return caPem;
    }

    public Payload getPayload() {
        return payload;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long getDeliveredSeq() {
        return deliveredSeq;
    }

    public OffsetDateTime getDeliveredAt() {
        return deliveredAt;
    }

    public int getFailures() {
        return failures;
    }

    public OffsetDateTime getFailingSince() {
        return failingSince;
    }

    public String getLastError() {
        return lastError;
    }

    public OffsetDateTime getLastErrorAt() {
        return lastErrorAt;
    }

    public OffsetDateTime getNextAttempt() {
        return nextAttempt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
