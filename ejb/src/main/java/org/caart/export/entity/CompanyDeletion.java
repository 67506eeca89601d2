package org.caart.export.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A company that its owner deleted, kept by the platform after the company's rows are gone: which company, who,
 * when, from where and what it held. The company's trail events stay in the trail as well.
 */
@Entity
@Table(name = "company_deletion")
public class CompanyDeletion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "company_deletion_seq")
    @SequenceGenerator(name = "company_deletion_seq", sequenceName = "company_deletion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "company_name", nullable = false, length = 120, updatable = false)
    private String companyName;

    @Column(name = "deleted_by", nullable = false, length = 254, updatable = false)
    private String deletedBy;

    @Column(name = "deleted_at", nullable = false, updatable = false)
    private OffsetDateTime deletedAt;

    @Column(name = "source_address", length = 64, updatable = false)
    private String sourceAddress;

    @Column(name = "detail", length = 2000, updatable = false)
    private String detail;

    protected CompanyDeletion() {
    }

    public CompanyDeletion(long companyId, String companyName, String deletedBy, OffsetDateTime deletedAt,
            String sourceAddress, String detail) {
        this.companyId = companyId;
        this.companyName = Objects.requireNonNull(companyName, "companyName");
        this.deletedBy = Objects.requireNonNull(deletedBy, "deletedBy");
        this.deletedAt = Objects.requireNonNull(deletedAt, "deletedAt");
        this.sourceAddress = sourceAddress;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
    }

    public Long getId() {
        return id;
    }

    public long getCompanyId() {
        return companyId;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public OffsetDateTime getDeletedAt() {
        return deletedAt;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getDetail() {
        return detail;
    }
}
