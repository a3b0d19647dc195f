-- Accounts: password-reset codes sent by SMS (忘记密码). Codes and reset tickets are stored hashed,
-- expire after 5 minutes, allow few tries and are used once; the rows also drive the SMS send throttle
-- (once a minute, a daily cap per account and per mobile number), so it survives restarts.
CREATE SEQUENCE password_reset_code_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE password_reset_code (
    id            BIGINT      NOT NULL PRIMARY KEY,
    candidate_id  BIGINT      NOT NULL REFERENCES candidate (id),
    mobile        VARCHAR(11) NOT NULL,
    code_hash     VARCHAR(64) NOT NULL,
    ticket_hash   VARCHAR(64),
    created_at    TIMESTAMP   NOT NULL,
    expires_at    TIMESTAMP   NOT NULL,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    verified_at   TIMESTAMP,
    used_at       TIMESTAMP,
    version       INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT ck_reset_code_attempts CHECK (attempts >= 0)
);
CREATE INDEX ix_reset_code_candidate ON password_reset_code (candidate_id, created_at);
CREATE INDEX ix_reset_code_mobile ON password_reset_code (mobile, created_at);
