package org.caart.waiver.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * One observed value an approved exception was granted for: the evidence of a failing result in its scope when it
 * was approved (no evidence is kept as the empty text). A failing result with any other value reopens it.
 */
@Entity
@Table(name = "waiver_evidence")
public class WaiverEvidence {

    public static final int OBSERVED_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "waiver_evidence_seq")
    @SequenceGenerator(name = "waiver_evidence_seq", sequenceName = "waiver_evidence_seq", allocationSize = 50)
    private Long id;

    @Column(name = "waiver_id", nullable = false, updatable = false)
    private long waiverId;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "observed", nullable = false, length = OBSERVED_MAX, updatable = false)
    private String observed;

    protected WaiverEvidence() {
    }

    public WaiverEvidence(Waiver waiver, String observed) {
        this.waiverId = Objects.requireNonNull(waiver.getId(), "waiver id");
        this.companyId = waiver.getCompanyId();
        this.observed = normal(observed);
    }

    /** How an observed value is compared: no value is the empty text, longer values are cut like the results'. */
    public static String normal(String observed) {
        String value = observed == null ? "" : observed;
        return value.length() <= OBSERVED_MAX ? value : value.substring(0, OBSERVED_MAX);
    }

    public long getWaiverId() {
        return waiverId;
    }

    public String getObserved() {
        return observed;
    }
}
