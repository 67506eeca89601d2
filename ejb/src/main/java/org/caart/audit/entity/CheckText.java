package org.caart.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The texts a check's results repeat in every run (references, description, rationale, remediation), stored once
 * per distinct content and shared by the {@link CheckResult} rows that carry them: a CIS check's texts are about
 * 1 KB, several times the result's own evidence. Rows are found by the SHA-256 of their content ({@code digest},
 * unique), written only by the ingest ({@code CheckTexts}) and never changed or deleted. Holds no company's data
 * beyond what its policy publishes; a result's company scope is its own.
 */
@Entity
@Table(name = "check_text")
public class CheckText {

    @Id
    private Long id;

    @Column(name = "refs", length = 1000)
    private String refs;

    @Column(name = "description", length = 4000)
    private String description;

    @Column(name = "rationale", length = 4000)
    private String rationale;

    @Column(name = "remediation", length = 4000)
    private String remediation;

    protected CheckText() {
    }

    public Long getId() {
        return id;
    }

    public String getRefs() {
        return refs;
    }

    public String getDescription() {
        return description;
    }

    public String getRationale() {
        return rationale;
    }

    public String getRemediation() {
        return remediation;
    }
}
