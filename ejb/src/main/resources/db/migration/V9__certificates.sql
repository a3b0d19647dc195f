-- 证书 (manual section 7): the pass list per batch (合格名单), the certificates (one per passed (ticket, position),
-- numbered by the certificate-number rule) and the runs of the numbering job.
-- What the database guarantees by itself: one certificate per passed (ticket, position), certificate numbers and
-- verification codes unique, one pass-list row per batch. Gap-freeness per sequence is the job's (one writer per
-- sequence, the position row locked per chunk, the next number read from this table in the chunk transaction).

-- 合格名单: published for a batch with published scores; withdrawn only while the batch has no certificate.
-- number_rule: the batch's own certificate-number pattern (null: kaowu.certificate.rule or the default).
CREATE TABLE pass_list (
    batch_id     BIGINT      NOT NULL PRIMARY KEY REFERENCES exam_batch (id),
    published    BOOLEAN     NOT NULL DEFAULT FALSE,
    published_at TIMESTAMP,
    published_by VARCHAR(50),
    withdrawn_at TIMESTAMP,
    withdrawn_by VARCHAR(50),
    number_rule  VARCHAR(60),
    version      INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT ck_pass_list_published CHECK (published = FALSE OR (published_at IS NOT NULL AND published_by IS NOT NULL))
);

-- 证书编号运行: one run of the certificateNumbering job (the page's progress bar and history). The figures are
-- added in the chunk transaction that inserts the certificates, so they match the rows after a stop or a crash.
CREATE SEQUENCE certificate_run_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE certificate_run (
    id           BIGINT       NOT NULL PRIMARY KEY,
    batch_id     BIGINT       NOT NULL REFERENCES exam_batch (id),
    number_rule  VARCHAR(60)  NOT NULL,
    province     VARCHAR(2),
    to_number    BIGINT       NOT NULL,
    numbered     BIGINT       NOT NULL DEFAULT 0,
    execution_id BIGINT,
    started_by   VARCHAR(50)  NOT NULL,
    started_at   TIMESTAMP    NOT NULL,
    error_key    VARCHAR(100),
    CONSTRAINT ck_certificate_run_figures CHECK (to_number >= 0 AND numbered >= 0)
);
CREATE INDEX ix_certificate_run_batch ON certificate_run (batch_id, id);

-- 证书: the dashed verification code (XXXX-XXXX-XXXX, 14 characters) is what the public query looks up.
CREATE SEQUENCE certificate_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE certificate (
    id                BIGINT      NOT NULL PRIMARY KEY,
    batch_id          BIGINT      NOT NULL REFERENCES exam_batch (id),
    registration_id   BIGINT      NOT NULL REFERENCES registration (id),
    ticket_id         BIGINT      NOT NULL REFERENCES admission_ticket (id),
    position_id       BIGINT      NOT NULL REFERENCES position (id),
    certificate_no    VARCHAR(40) NOT NULL,
    verification_code VARCHAR(14) NOT NULL,
    pass_date         DATE        NOT NULL,
    issued_at         TIMESTAMP   NOT NULL,
    run_id            BIGINT      REFERENCES certificate_run (id),
    CONSTRAINT uk_certificate_ticket_position UNIQUE (ticket_id, position_id),
    CONSTRAINT uk_certificate_no UNIQUE (certificate_no),
    CONSTRAINT uk_certificate_code UNIQUE (verification_code),
    CONSTRAINT ck_certificate_code CHECK (LENGTH(verification_code) = 14)
);
CREATE INDEX ix_certificate_batch ON certificate (batch_id, position_id);
CREATE INDEX ix_certificate_registration ON certificate (registration_id);
