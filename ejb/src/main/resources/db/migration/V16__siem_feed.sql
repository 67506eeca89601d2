-- SIEM feed (component feed): a company's events (feed_event) as the components report them, numbered per company
-- in order (seq) by the feed's sequencer once committed; the company's feed settings and its last number
-- (feed_company); and its syslog destinations with what each has been sent and confirmed (feed_destination).
-- Events are stored only while the company's feed is on.

CREATE SEQUENCE feed_event_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE feed_event (
    id              BIGINT PRIMARY KEY,
    company_id      BIGINT NOT NULL REFERENCES company (id),
    seq             BIGINT,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    type            VARCHAR(40) NOT NULL,
    severity        VARCHAR(20) NOT NULL,
    endpoint_id     BIGINT,
    hostname        VARCHAR(255),
    policy          VARCHAR(200),
    check_id        VARCHAR(120),
    subject         VARCHAR(500) NOT NULL,
    before_value    VARCHAR(2000),
    after_value     VARCHAR(2000),
    detail          VARCHAR(2000)
);
CREATE UNIQUE INDEX feed_event_company_seq_idx ON feed_event (company_id, seq);
CREATE INDEX feed_event_pending_idx ON feed_event (seq, company_id, id);

CREATE TABLE feed_company (
    company_id      BIGINT PRIMARY KEY REFERENCES company (id),
    enabled         BOOLEAN NOT NULL,
    snapshot_daily  BOOLEAN NOT NULL,
    last_seq        BIGINT NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);

CREATE SEQUENCE feed_destination_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE feed_destination (
    id                  BIGINT PRIMARY KEY,
    company_id          BIGINT NOT NULL REFERENCES company (id),
    name                VARCHAR(80) NOT NULL,
    host                VARCHAR(253) NOT NULL,
    port                INTEGER NOT NULL,
    tls                 BOOLEAN NOT NULL,
    ca_pem              VARCHAR(20000),
    payload             VARCHAR(10) NOT NULL,
    enabled             BOOLEAN NOT NULL,
    delivered_seq       BIGINT NOT NULL,
    delivered_at        TIMESTAMP WITH TIME ZONE,
    failures            INTEGER NOT NULL,
    failing_since       TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(1000),
    last_error_at       TIMESTAMP WITH TIME ZONE,
    next_attempt        TIMESTAMP WITH TIME ZONE,
    lease_owner         VARCHAR(100),
    lease_until         TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL
);
CREATE INDEX feed_destination_company_idx ON feed_destination (company_id);
