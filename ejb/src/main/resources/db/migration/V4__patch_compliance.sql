-- Patch-age compliance: devices and their patch-date history, the patch policy per company, per-company API keys,
-- and the record of patch checks (daily and on demand). The once-per-day guarantee is the job_run ledger's.

CREATE SEQUENCE device_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE device (
    id                BIGINT PRIMARY KEY,
    company_id        BIGINT NOT NULL REFERENCES company (id),
    name              VARCHAR(120) NOT NULL,
    name_key          VARCHAR(120) NOT NULL,
    device_type       VARCHAR(20) NOT NULL,
    criticality       VARCHAR(20) NOT NULL,
    responsible       VARCHAR(200),
    endpoint_id       BIGINT REFERENCES endpoint (id),
    last_patch_date   DATE,
    patch_source      VARCHAR(20),
    patch_detail      VARCHAR(100),
    os_build          VARCHAR(100),
    -- the evaluation (set-based, see PatchEvaluation): the last compliant day (patch date + max age) and the
    -- status as of the company's last evaluated day; a day passing rewrites only the rows whose status changes
    expiry            DATE,
    status            VARCHAR(20) NOT NULL,
    -- the patch check that reported this device overdue; cleared when it is no longer overdue
    overdue_check_id  BIGINT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT NOT NULL,
    CONSTRAINT device_company_name_uk UNIQUE (company_id, name_key),
    CONSTRAINT device_endpoint_uk UNIQUE (endpoint_id)
);
CREATE INDEX device_company_status_idx ON device (company_id, status);
CREATE INDEX device_overdue_check_idx ON device (overdue_check_id);

CREATE SEQUENCE patch_record_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE patch_record (
    id           BIGINT PRIMARY KEY,
    device_id    BIGINT NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    patch_date   DATE NOT NULL,
    source       VARCHAR(20) NOT NULL,
    detail       VARCHAR(100),
    recorded_by  VARCHAR(254),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX patch_record_device_idx ON patch_record (device_id, recorded_at);

CREATE TABLE patch_policy (
    company_id         BIGINT PRIMARY KEY REFERENCES company (id),
    max_age_days       INTEGER NOT NULL,
    warning_days       INTEGER NOT NULL,
    check_hour         INTEGER NOT NULL,
    compliance_hour    INTEGER NOT NULL,
    stale_agent_hours  INTEGER NOT NULL,
    version            BIGINT NOT NULL
);

-- kind TYPE (subject = a device type) or CRITICALITY (subject = a criticality); the strictest match wins
CREATE TABLE patch_override (
    company_id    BIGINT NOT NULL REFERENCES company (id),
    kind          VARCHAR(20) NOT NULL,
    subject       VARCHAR(20) NOT NULL,
    max_age_days  INTEGER NOT NULL,
    PRIMARY KEY (company_id, kind, subject)
);

CREATE SEQUENCE api_key_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE api_key (
    id            BIGINT PRIMARY KEY,
    company_id    BIGINT NOT NULL REFERENCES company (id),
    name          VARCHAR(80) NOT NULL,
    key_hash      VARCHAR(64) NOT NULL,
    key_prefix    VARCHAR(16) NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    version       BIGINT NOT NULL,
    CONSTRAINT api_key_hash_uk UNIQUE (key_hash)
);
CREATE INDEX api_key_company_idx ON api_key (company_id);

CREATE SEQUENCE patch_check_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE patch_check (
    id             BIGINT PRIMARY KEY,
    company_id     BIGINT NOT NULL REFERENCES company (id),
    run_date       DATE NOT NULL,
    kind           VARCHAR(10) NOT NULL,
    actor          VARCHAR(254),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    devices        INTEGER NOT NULL,
    current_count  INTEGER NOT NULL,
    due_soon_count INTEGER NOT NULL,
    overdue_count  INTEGER NOT NULL,
    unknown_count  INTEGER NOT NULL,
    newly_overdue  INTEGER NOT NULL,
    mails          INTEGER NOT NULL,
    statements     INTEGER NOT NULL,
    version        BIGINT NOT NULL
);
CREATE INDEX patch_check_company_idx ON patch_check (company_id, started_at);

-- every endpoint enrolled before this version gets its device, named after the host, evaluated with the default
-- policy (no company has another one yet: 30 days, due soon within 7; the board moves the status to each
-- company's own today when it is shown)
INSERT INTO device (id, company_id, name, name_key, device_type, criticality, endpoint_id, last_patch_date,
                    patch_source, patch_detail, os_build, expiry, status, created_at, updated_at, version)
SELECT nextval('device_seq'), e.company_id, e.hostname || ' #' || e.id, LOWER(e.hostname || ' #' || e.id),
       CASE WHEN e.os_family = 'WINDOWS' AND LOWER(COALESCE(e.os, '')) NOT LIKE '%server%' THEN 'WORKSTATION'
            ELSE 'SERVER' END,
       'MEDIUM', e.id, e.last_patch_date, CASE WHEN e.last_patch_date IS NULL THEN NULL ELSE 'AGENT' END,
       e.patch_source, e.os_build, e.last_patch_date + 30,
       CASE WHEN e.last_patch_date IS NULL THEN 'UNKNOWN'
            WHEN e.last_patch_date + 30 < CURRENT_DATE THEN 'OVERDUE'
            WHEN e.last_patch_date + 30 < CURRENT_DATE + 7 THEN 'DUE_SOON'
            ELSE 'CURRENT' END,
       e.enrolled_at, e.enrolled_at, 1
FROM endpoint e;
