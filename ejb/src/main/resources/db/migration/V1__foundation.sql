-- CAaRT foundation schema. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
-- Sequences: INCREMENT BY = the JPA allocationSize (50); START WITH 50 so EclipseLink's first block is 1..50.

CREATE SEQUENCE company_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE user_account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE membership_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE trail_event_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE outbox_mail_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE company (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    postal_address  VARCHAR(500),
    client_os       VARCHAR(40) NOT NULL,
    time_zone       VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);

CREATE TABLE user_account (
    id                    BIGINT PRIMARY KEY,
    email                 VARCHAR(254) NOT NULL,
    first_name            VARCHAR(80),
    last_name             VARCHAR(80),
    password_hash         VARCHAR(512) NOT NULL,
    operator              BOOLEAN NOT NULL,
    must_change_password  BOOLEAN NOT NULL,
    enabled               BOOLEAN NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at         TIMESTAMP WITH TIME ZONE,
    version               BIGINT NOT NULL,
    CONSTRAINT user_account_email_uk UNIQUE (email)
);

CREATE TABLE membership (
    id             BIGINT PRIMARY KEY,
    company_id     BIGINT NOT NULL REFERENCES company (id),
    user_id        BIGINT NOT NULL REFERENCES user_account (id),
    role           VARCHAR(20) NOT NULL,
    ciso           BOOLEAN NOT NULL,
    security_tech  BOOLEAN NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT NOT NULL,
    CONSTRAINT membership_company_user_uk UNIQUE (company_id, user_id)
);
CREATE INDEX membership_user_idx ON membership (user_id);

CREATE TABLE audit (
    id           BIGINT PRIMARY KEY,
    company_id   BIGINT NOT NULL REFERENCES company (id),
    created_by   BIGINT REFERENCES user_account (id),
    title        VARCHAR(200) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    version      BIGINT NOT NULL
);
CREATE INDEX audit_company_idx ON audit (company_id, created_at);

CREATE TABLE trail_event (
    id              BIGINT PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    company_id      BIGINT,
    actor_id        BIGINT,
    actor           VARCHAR(254),
    action          VARCHAR(60) NOT NULL,
    target          VARCHAR(200),
    detail          VARCHAR(2000),
    source_address  VARCHAR(64)
);
CREATE INDEX trail_event_company_idx ON trail_event (company_id, occurred_at);
CREATE INDEX trail_event_time_idx ON trail_event (occurred_at);

CREATE TABLE outbox_mail (
    id               BIGINT PRIMARY KEY,
    company_id       BIGINT,
    recipient        VARCHAR(254) NOT NULL,
    subject          VARCHAR(300) NOT NULL,
    text_body        VARCHAR(200000) NOT NULL,
    html_body        VARCHAR(200000),
    status           VARCHAR(20) NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    lease_owner      VARCHAR(64),
    lease_until      TIMESTAMP WITH TIME ZONE,
    version          BIGINT NOT NULL
);
CREATE INDEX outbox_mail_due_idx ON outbox_mail (status, next_attempt_at);

CREATE TABLE job_run (
    job          VARCHAR(60) NOT NULL,
    scope_id     BIGINT NOT NULL,
    run_date     DATE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    detail       VARCHAR(1000),
    PRIMARY KEY (job, scope_id, run_date)
);

CREATE TABLE pipeline_probe (
    id           VARCHAR(36) PRIMARY KEY,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE,
    deliveries   INTEGER NOT NULL
);
