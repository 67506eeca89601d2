-- Accounts, companies, roles and invitations: profile fields, sign-in throttling, remember-me tokens, invitations.

ALTER TABLE user_account ADD COLUMN username VARCHAR(40);
ALTER TABLE user_account ADD COLUMN street_address VARCHAR(200);
ALTER TABLE user_account ADD COLUMN city VARCHAR(80);
ALTER TABLE user_account ADD COLUMN country VARCHAR(80);
ALTER TABLE user_account ADD COLUMN postal_code VARCHAR(20);
ALTER TABLE user_account ADD COLUMN about_me VARCHAR(2000);
CREATE UNIQUE INDEX user_account_username_uk ON user_account (username);

-- One row per throttled subject ("account:<email>" or "address:<ip>"); unknown emails are throttled alike.
CREATE TABLE login_throttle (
    subject        VARCHAR(300) PRIMARY KEY,
    failures       INTEGER NOT NULL,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    lockouts       INTEGER NOT NULL
);

CREATE SEQUENCE remember_token_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE remember_token (
    id              BIGINT PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES user_account (id),
    token_hash      VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    source_address  VARCHAR(64),
    user_agent      VARCHAR(200),
    CONSTRAINT remember_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX remember_token_user_idx ON remember_token (user_id);

CREATE SEQUENCE invitation_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE invitation (
    id            BIGINT PRIMARY KEY,
    company_id    BIGINT NOT NULL REFERENCES company (id),
    email         VARCHAR(254) NOT NULL,
    role          VARCHAR(20) NOT NULL,
    token_hash    VARCHAR(64) NOT NULL,
    invited_by    BIGINT REFERENCES user_account (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at   TIMESTAMP WITH TIME ZONE,
    accepted_by   BIGINT REFERENCES user_account (id),
    revoked_at    TIMESTAMP WITH TIME ZONE,
    sends         INTEGER NOT NULL,
    version       BIGINT NOT NULL,
    CONSTRAINT invitation_token_uk UNIQUE (token_hash)
);
CREATE INDEX invitation_company_idx ON invitation (company_id, email);

-- A mail that carries a one-time secret (an invitation link) loses its body once the SMTP server has taken it.
ALTER TABLE outbox_mail ADD COLUMN holds_secret BOOLEAN DEFAULT FALSE NOT NULL;
