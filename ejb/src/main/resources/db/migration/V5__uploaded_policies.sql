-- Policies a company uploaded (CAaRT or Wazuh SCA), validated on upload; an audit names one as "upload:<id>" in
-- audit.policy_choice and audit_run.policy_id (no foreign key: finished runs keep their policy's id and name).

CREATE SEQUENCE uploaded_policy_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE uploaded_policy (
    id              BIGINT PRIMARY KEY,
    company_id      BIGINT NOT NULL REFERENCES company (id),
    name            VARCHAR(200) NOT NULL,
    format          VARCHAR(10) NOT NULL,
    content         VARCHAR(3145728) NOT NULL,
    check_count     INTEGER NOT NULL,
    command_checks  INTEGER NOT NULL,
    findings_count  INTEGER NOT NULL,
    -- one finding per line: check id, construct, reason, tab-separated (the first 1000)
    findings        VARCHAR(2097152) NOT NULL,
    uploaded_by     VARCHAR(254) NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uploaded_policy_company_name_uk UNIQUE (company_id, name)
);
CREATE INDEX audit_run_policy_idx ON audit_run (company_id, policy_id);
