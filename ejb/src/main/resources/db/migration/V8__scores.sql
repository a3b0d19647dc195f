-- 成绩 (manual section 6): score-import runs and their rejected lines, the scores themselves (one per ticket and
-- position: a position is a subject here, its pass line is position.pass_line) and the publication per batch.
-- What the database guarantees by itself: one score per (ticket, position), a score only with status 正常 and
-- then between 0 and 100 with one decimal, 合格 only with 正常, one publication row per batch.

-- 成绩导入: one uploaded file and its import. The figures are written in the same transaction as each chunk
-- of scores (with the job's checkpoint), so after a stop or a crash they match the rows exactly.
CREATE SEQUENCE score_import_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE score_import (
    id            BIGINT        NOT NULL PRIMARY KEY,
    batch_id      BIGINT        NOT NULL REFERENCES exam_batch (id),
    file_name     VARCHAR(255)  NOT NULL,
    stored_file   VARCHAR(1000) NOT NULL,
    file_size     BIGINT        NOT NULL,
    source        VARCHAR(10)   NOT NULL,
    uploaded_by   VARCHAR(50)   NOT NULL,
    uploaded_at   TIMESTAMP     NOT NULL,
    execution_id  BIGINT,
    started_by    VARCHAR(50),
    started_at    TIMESTAMP,
    file_format   VARCHAR(10),
    header        VARCHAR(4000),
    total_lines   BIGINT,
    last_line     BIGINT        NOT NULL DEFAULT 0,
    lines_read    BIGINT        NOT NULL DEFAULT 0,
    inserted      BIGINT        NOT NULL DEFAULT 0,
    updated       BIGINT        NOT NULL DEFAULT 0,
    unchanged     BIGINT        NOT NULL DEFAULT 0,
    rejected      BIGINT        NOT NULL DEFAULT 0,
    error_key     VARCHAR(100),
    error_args    VARCHAR(1000),
    CONSTRAINT ck_score_import_source CHECK (source IN ('UPLOAD', 'INBOX', 'SEED')),
    CONSTRAINT ck_score_import_figures CHECK (lines_read = inserted + updated + unchanged + rejected
        AND last_line >= 0 AND file_size >= 0)
);
CREATE INDEX ix_score_import_batch ON score_import (batch_id, uploaded_at);

-- 拒收行: the file's own cells (joined by U+001F) with line number and reason, for the rejected-lines file.
CREATE SEQUENCE score_rejection_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE score_rejection (
    id          BIGINT        NOT NULL PRIMARY KEY,
    import_id   BIGINT        NOT NULL REFERENCES score_import (id),
    line_no     BIGINT        NOT NULL,
    reason_code VARCHAR(60)   NOT NULL,
    reason_text VARCHAR(300)  NOT NULL,
    cells       VARCHAR(4000) NOT NULL,
    CONSTRAINT uk_score_rejection_line UNIQUE (import_id, line_no)
);

-- 成绩: status 正常 / 缺考 / 违纪 / 无效; 合格/不合格 computed on import from the position's pass line.
CREATE SEQUENCE score_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE score (
    id          BIGINT       NOT NULL PRIMARY KEY,
    batch_id    BIGINT       NOT NULL REFERENCES exam_batch (id),
    ticket_id   BIGINT       NOT NULL REFERENCES admission_ticket (id),
    position_id BIGINT       NOT NULL REFERENCES position (id),
    score       NUMERIC(4,1),
    status      VARCHAR(10)  NOT NULL,
    verdict     VARCHAR(4)   NOT NULL,
    import_id   BIGINT       REFERENCES score_import (id),
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT uk_score_ticket_position UNIQUE (ticket_id, position_id),
    CONSTRAINT ck_score_status CHECK (status IN ('NORMAL', 'ABSENT', 'MISCONDUCT', 'VOID')),
    CONSTRAINT ck_score_range CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
    CONSTRAINT ck_score_value CHECK ((status = 'NORMAL') = (score IS NOT NULL)),
    CONSTRAINT ck_score_verdict CHECK (verdict = 'FAIL' OR (verdict = 'PASS' AND status = 'NORMAL'))
);
CREATE INDEX ix_score_batch ON score (batch_id, ticket_id);

-- 成绩发布: candidates see a batch's scores only while published. Withdrawing keeps the row (who, when).
CREATE TABLE score_publication (
    batch_id     BIGINT      NOT NULL PRIMARY KEY REFERENCES exam_batch (id),
    published    BOOLEAN     NOT NULL DEFAULT FALSE,
    published_at TIMESTAMP,
    published_by VARCHAR(50),
    withdrawn_at TIMESTAMP,
    withdrawn_by VARCHAR(50),
    version      INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT ck_score_publication CHECK (published = FALSE OR (published_at IS NOT NULL AND published_by IS NOT NULL))
);
