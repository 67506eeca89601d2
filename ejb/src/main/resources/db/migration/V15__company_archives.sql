-- Backup services (issue 19): how long a company keeps its audits (audit component; no row = for ever). The daily
-- audit-retention job removes the finished audits created more than keep_days ago, with their runs and results.
CREATE TABLE audit_retention (
    company_id   BIGINT PRIMARY KEY REFERENCES company (id),
    keep_days    INTEGER NOT NULL,
    changed_by   VARCHAR(254) NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Company deletions, kept by the platform after the company is gone (export component): who, when, what it held.
-- The trail's own rows of the company (trail_event, no foreign key to company) are kept as well.
CREATE SEQUENCE company_deletion_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE company_deletion (
    id            BIGINT PRIMARY KEY,
    company_id    BIGINT NOT NULL,
    company_name  VARCHAR(120) NOT NULL,
    deleted_by    VARCHAR(254) NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    source_address VARCHAR(64),
    detail        VARCHAR(2000)
);
