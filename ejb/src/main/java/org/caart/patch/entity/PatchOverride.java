package org.caart.patch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A maximum patch age for one device type ({@code TYPE}) or one criticality ({@code CRITICALITY}) of a company,
 * instead of the company's maximum. When a device matches both kinds, the stricter (smaller) age applies.
 */
@Entity
@Table(name = "patch_override")
@IdClass(PatchOverride.Key.class)
public class PatchOverride {

    public static final String TYPE = "TYPE";
    public static final String CRITICALITY = "CRITICALITY";

    @Id
    @Column(name = "company_id")
    private long companyId;

    @Id
    @Column(name = "kind", length = 20)
    private String kind;

    @Id
    @Column(name = "subject", length = 20)
    private String subject;

    @Column(name = "max_age_days", nullable = false)
    private int maxAgeDays;

    protected PatchOverride() {
    }

    public PatchOverride(long companyId, String kind, String subject, int maxAgeDays) {
        this.companyId = companyId;
        this.kind = kind;
        this.subject = subject;
        this.maxAgeDays = maxAgeDays;
    }

    public long getCompanyId() {
        return companyId;
    }

    public String getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public int getMaxAgeDays() {
        return maxAgeDays;
    }

    public record Key(long companyId, String kind, String subject) implements Serializable {
    }
}
