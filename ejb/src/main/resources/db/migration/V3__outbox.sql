-- The notification outbox (短信/邮件记录): every SMS and e-mail is first a row here, written in the same
-- transaction as the business change that caused it, and delivered afterwards by OutboxDispatcher.
-- Identical on H2 and PostgreSQL; ids as in V1 (sequence increment = JPA allocationSize).

CREATE SEQUENCE outbox_message_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE outbox_message (
    id               BIGINT        NOT NULL PRIMARY KEY,
    channel          VARCHAR(5)    NOT NULL,
    recipient        VARCHAR(100)  NOT NULL,
    subject          VARCHAR(200),
    body             VARCHAR(2000) NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP     NOT NULL,
    last_error       VARCHAR(500),
    provider         VARCHAR(20),
    created_at       TIMESTAMP     NOT NULL,
    sent_at          TIMESTAMP,
    version          INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT ck_outbox_message_channel CHECK (channel IN ('SMS', 'EMAIL')),
    CONSTRAINT ck_outbox_message_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT ck_outbox_message_attempts CHECK (attempts >= 0),
    -- an e-mail always has a subject; an SMS never needs one
    CONSTRAINT ck_outbox_message_subject CHECK (channel = 'SMS' OR subject IS NOT NULL),
    -- sent_at is set exactly when the message went out
    CONSTRAINT ck_outbox_message_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);

-- The dispatcher's question every few seconds: PENDING rows whose next attempt is due, oldest first.
CREATE INDEX ix_outbox_message_due ON outbox_message (status, next_attempt_at);
-- The admin list pages through the newest messages first.
CREATE INDEX ix_outbox_message_created ON outbox_message (created_at);
