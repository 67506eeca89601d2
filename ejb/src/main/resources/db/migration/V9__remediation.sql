-- Remediation (component remediation): what a member ordered to fix, the orders sent to each endpoint's agent
-- (PLAN, APPLY, ROLLBACK), one item per endpoint and check with its plan and its latest state, the journal of
-- every state an agent reported for an item (before and after values kept), and the company's approval setting.

CREATE SEQUENCE remediation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE remediation (
    id                  BIGINT PRIMARY KEY,
    company_id          BIGINT NOT NULL REFERENCES company (id),
    status              VARCHAR(20) NOT NULL,
    requested_by        BIGINT NOT NULL REFERENCES user_account (id),
    requested_by_email  VARCHAR(254) NOT NULL,
    approval_required   BOOLEAN NOT NULL,
    approved_by         BIGINT REFERENCES user_account (id),
    approved_by_email   VARCHAR(254),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_at         TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL
);
CREATE INDEX remediation_company_idx ON remediation (company_id, created_at);

CREATE TABLE remediation_order (
    id                   VARCHAR(36) PRIMARY KEY,
    remediation_id       BIGINT NOT NULL REFERENCES remediation (id),
    company_id           BIGINT NOT NULL REFERENCES company (id),
    endpoint_id          BIGINT NOT NULL REFERENCES endpoint (id),
    action               VARCHAR(10) NOT NULL,
    rollback_of          VARCHAR(36) REFERENCES remediation_order (id),
    item_ids             VARCHAR(100000) NOT NULL,
    status               VARCHAR(20) NOT NULL,
    last_sequence        INTEGER NOT NULL,
    remediation_allowed  BOOLEAN,
    message              VARCHAR(2000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_at             TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL
);
CREATE INDEX remediation_order_endpoint_idx ON remediation_order (endpoint_id, status);
CREATE INDEX remediation_order_remediation_idx ON remediation_order (remediation_id);

CREATE SEQUENCE remediation_item_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE remediation_item (
    id                BIGINT PRIMARY KEY,
    remediation_id    BIGINT NOT NULL REFERENCES remediation (id),
    company_id        BIGINT NOT NULL REFERENCES company (id),
    endpoint_id       BIGINT NOT NULL REFERENCES endpoint (id),
    hostname          VARCHAR(253) NOT NULL,
    check_result_id   BIGINT NOT NULL,
    check_id          VARCHAR(120) NOT NULL,
    policy_id         VARCHAR(120) NOT NULL,
    title             VARCHAR(500) NOT NULL,
    severity          VARCHAR(20),
    expected          VARCHAR(4000),
    remediation_text  VARCHAR(4000),
    plan_state        VARCHAR(20) NOT NULL,
    state             VARCHAR(20) NOT NULL,
    fix_kind          VARCHAR(30),
    observed          VARCHAR(4000),
    target            VARCHAR(4000),
    flags             VARCHAR(200),
    manual_text       VARCHAR(4000),
    before_value      VARCHAR(4000),
    after_value       VARCHAR(4000),
    message           VARCHAR(2000),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT NOT NULL
);
CREATE INDEX remediation_item_remediation_idx ON remediation_item (remediation_id, hostname, check_id);

CREATE SEQUENCE remediation_step_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE remediation_step (
    id            BIGINT PRIMARY KEY,
    item_id       BIGINT NOT NULL REFERENCES remediation_item (id),
    order_id      VARCHAR(36) NOT NULL REFERENCES remediation_order (id),
    action        VARCHAR(10) NOT NULL,
    state         VARCHAR(20) NOT NULL,
    before_value  VARCHAR(4000),
    after_value   VARCHAR(4000),
    message       VARCHAR(2000),
    reported_at   VARCHAR(40),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX remediation_step_item_idx ON remediation_step (item_id, id);

CREATE TABLE remediation_setting (
    company_id         BIGINT PRIMARY KEY REFERENCES company (id),
    approval_required  BOOLEAN NOT NULL,
    changed_by         VARCHAR(254) NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
