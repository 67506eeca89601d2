-- Audit streams: enrollment tokens, endpoints (agents), audit runs per endpoint, results, ingested batches.

CREATE SEQUENCE enrollment_token_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE enrollment_token (
    id           BIGINT PRIMARY KEY,
    company_id   BIGINT NOT NULL REFERENCES company (id),
    token_hash   VARCHAR(64) NOT NULL,
    created_by   BIGINT REFERENCES user_account (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    version      BIGINT NOT NULL,
    CONSTRAINT enrollment_token_hash_uk UNIQUE (token_hash)
);

CREATE SEQUENCE endpoint_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE endpoint (
    id               BIGINT PRIMARY KEY,
    company_id       BIGINT NOT NULL REFERENCES company (id),
    agent_id         VARCHAR(36) NOT NULL,
    secret_hash      VARCHAR(64) NOT NULL,
    hostname         VARCHAR(253) NOT NULL,
    os               VARCHAR(200),
    os_family        VARCHAR(20) NOT NULL,
    os_version       VARCHAR(100),
    os_build         VARCHAR(100),
    agent_version    VARCHAR(40),
    tags             VARCHAR(500),
    status           VARCHAR(20) NOT NULL,
    enrolled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_patch_date  DATE,
    patch_source     VARCHAR(100),
    dropped_batches  BIGINT NOT NULL,
    spooled_batches  INTEGER NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    version          BIGINT NOT NULL,
    CONSTRAINT endpoint_agent_uk UNIQUE (agent_id)
);
CREATE INDEX endpoint_company_idx ON endpoint (company_id, hostname);

-- the policy asked for: a built-in policy id, or "default" (the company's default for each endpoint's OS family)
ALTER TABLE audit ADD COLUMN policy_choice VARCHAR(120);
ALTER TABLE audit ADD COLUMN stop_requested_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE audit_run (
    id              VARCHAR(36) PRIMARY KEY,
    audit_id        BIGINT NOT NULL REFERENCES audit (id),
    company_id      BIGINT NOT NULL REFERENCES company (id),
    endpoint_id     BIGINT NOT NULL REFERENCES endpoint (id),
    policy_id       VARCHAR(120) NOT NULL,
    policy_name     VARCHAR(200) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    planned         INTEGER NOT NULL,
    received        INTEGER NOT NULL,
    passed          INTEGER NOT NULL,
    failed          INTEGER NOT NULL,
    not_applicable  INTEGER NOT NULL,
    errors          INTEGER NOT NULL,
    not_run         INTEGER NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    start_deadline  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    stop_requested  BOOLEAN NOT NULL,
    error           VARCHAR(1000)
);
CREATE INDEX audit_run_audit_idx ON audit_run (audit_id);
CREATE INDEX audit_run_endpoint_idx ON audit_run (endpoint_id, status);

CREATE SEQUENCE check_result_seq START WITH 500 INCREMENT BY 500;
CREATE TABLE check_result (
    id              BIGINT PRIMARY KEY,
    run_id          VARCHAR(36) NOT NULL REFERENCES audit_run (id),
    company_id      BIGINT NOT NULL,
    check_id        VARCHAR(120) NOT NULL,
    title           VARCHAR(500) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    severity        VARCHAR(20),
    refs            VARCHAR(1000),
    reason          VARCHAR(2000),
    expected        VARCHAR(4000),
    observed        VARCHAR(4000),
    description     VARCHAR(4000),
    rationale       VARCHAR(4000),
    remediation     VARCHAR(4000),
    duration_micros BIGINT NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX check_result_run_idx ON check_result (run_id, status);

CREATE TABLE ingested_batch (
    batch_id     VARCHAR(36) PRIMARY KEY,
    run_id       VARCHAR(36) NOT NULL,
    sequence_no  INTEGER NOT NULL,
    results      INTEGER NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- the policy an audit (or a nightly run) uses when it names none, per OS family; null = the built-in baseline
ALTER TABLE company ADD COLUMN default_windows_policy VARCHAR(120);
ALTER TABLE company ADD COLUMN default_linux_policy VARCHAR(120);
