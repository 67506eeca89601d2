-- Exceptions (component waiver): a member asks that one check of one policy stop counting as failing, for one
-- endpoint, the endpoints with a tag, or the whole company, with a reason and an expiry date; another member
-- approves or rejects it. An approved exception holds for the observed values it was granted for
-- (waiver_evidence) until its expiry; the company's longest allowed period per severity is waiver_limit.
-- Every table carries company_id so that a company's exceptions can be exported and imported on their own.

CREATE SEQUENCE waiver_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE waiver (
    id                  BIGINT PRIMARY KEY,
    company_id          BIGINT NOT NULL REFERENCES company (id),
    policy_id           VARCHAR(120) NOT NULL,
    check_id            VARCHAR(120) NOT NULL,
    check_title         VARCHAR(500) NOT NULL,
    severity            VARCHAR(20),
    scope               VARCHAR(10) NOT NULL,
    endpoint_id         BIGINT REFERENCES endpoint (id),
    tag                 VARCHAR(60),
    reason              VARCHAR(2000) NOT NULL,
    ticket              VARCHAR(200),
    expires_on          DATE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(20) NOT NULL,
    requested_by        BIGINT NOT NULL REFERENCES user_account (id),
    requested_by_email  VARCHAR(254) NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by          BIGINT REFERENCES user_account (id),
    decided_by_email    VARCHAR(254),
    decided_at          TIMESTAMP WITH TIME ZONE,
    decision_note       VARCHAR(2000),
    approved_at         TIMESTAMP WITH TIME ZONE,
    reopened_at         TIMESTAMP WITH TIME ZONE,
    reopen_reason       VARCHAR(2000),
    ended_at            TIMESTAMP WITH TIME ZONE,
    evidence_checked_at TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL
);
CREATE INDEX waiver_company_idx ON waiver (company_id, status, policy_id, check_id);
CREATE INDEX waiver_status_idx ON waiver (status, expires_at);

CREATE SEQUENCE waiver_evidence_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE waiver_evidence (
    id          BIGINT PRIMARY KEY,
    waiver_id   BIGINT NOT NULL REFERENCES waiver (id),
    company_id  BIGINT NOT NULL REFERENCES company (id),
    observed    VARCHAR(4000) NOT NULL
);
CREATE INDEX waiver_evidence_waiver_idx ON waiver_evidence (waiver_id);

CREATE TABLE waiver_limit (
    company_id  BIGINT NOT NULL REFERENCES company (id),
    severity    VARCHAR(20) NOT NULL,
    max_days    INTEGER NOT NULL,
    PRIMARY KEY (company_id, severity)
);

-- The exceptions' evidence check reads the runs completed since its last tick.
CREATE INDEX audit_run_finished_idx ON audit_run (finished_at);
