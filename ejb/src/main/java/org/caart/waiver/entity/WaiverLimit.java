package org.caart.waiver.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.caart.contract.agent.v1.Severity;
import org.caart.platform.InvalidInputException;

/**
 * The longest period a company allows an exception for checks of one severity, in days from the day it is
 * requested. A company without a row for a severity has {@link #DEFAULTS}; a check without severity counts as INFO.
 */
@Entity
@Table(name = "waiver_limit")
public class WaiverLimit {

    public static final int DAYS_MAX = 3660;
    public static final Map<Severity, Integer> DEFAULTS = Map.of(Severity.CRITICAL, 30, Severity.HIGH, 90,
            Severity.MEDIUM, 180, Severity.LOW, 365, Severity.INFO, 365);

    @EmbeddedId
    private Key key;

    @Column(name = "max_days", nullable = false)
    private int maxDays;

    protected WaiverLimit() {
    }

    public WaiverLimit(long companyId, Severity severity, int maxDays) {
        this.key = new Key(companyId, Objects.requireNonNull(severity, "severity").name());
        change(maxDays);
    }

    public void change(int days) {
        if (days < 1 || days > DAYS_MAX) {
            throw new InvalidInputException(key.severity, "The longest period is 1 to " + DAYS_MAX + " days");
        }
        this.maxDays = days;
    }

    public Severity severity() {
        return Severity.valueOf(key.severity);
    }

    public int getMaxDays() {
        return maxDays;
    }

    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "company_id", nullable = false)
        private long companyId;

        @Column(name = "severity", nullable = false, length = 20)
        private String severity;

        protected Key() {
        }

        public Key(long companyId, String severity) {
            this.companyId = companyId;
            this.severity = severity;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.companyId == companyId && k.severity.equals(severity);
        }

        @Override
        public int hashCode() {
            return Objects.hash(companyId, severity);
        }
    }
}
