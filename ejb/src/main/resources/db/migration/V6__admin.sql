-- Admin portal: the remaining batch dates, review and on-site payment on the registration, the audit log.

-- 考试场次 (one line per session, shown on admission tickets), 成绩发布 and 证书发放 dates.
ALTER TABLE exam_batch ADD COLUMN exam_sessions VARCHAR(500);
ALTER TABLE exam_batch ADD COLUMN score_publish_at TIMESTAMP;
ALTER TABLE exam_batch ADD COLUMN certificate_issue_at TIMESTAMP;
ALTER TABLE exam_batch ADD CONSTRAINT ck_exam_batch_score CHECK (score_publish_at IS NULL OR score_publish_at >= exam_end);
ALTER TABLE exam_batch ADD CONSTRAINT ck_exam_batch_certificate
    CHECK (certificate_issue_at IS NULL OR (score_publish_at IS NOT NULL AND certificate_issue_at >= score_publish_at));

-- 审核 (who and when) and 现场缴费 (amount, receipt, who and when). 审核通过 (APPROVED) means reviewed and
-- paid, so the database refuses an APPROVED row without a payment.
ALTER TABLE registration ADD COLUMN reviewed_by VARCHAR(50);
ALTER TABLE registration ADD COLUMN reviewed_at TIMESTAMP;
ALTER TABLE registration ADD COLUMN paid_amount NUMERIC(10,2);
ALTER TABLE registration ADD COLUMN receipt_no VARCHAR(40);
ALTER TABLE registration ADD COLUMN paid_by VARCHAR(50);
ALTER TABLE registration ADD COLUMN paid_at TIMESTAMP;
ALTER TABLE registration ADD CONSTRAINT uk_registration_receipt UNIQUE (receipt_no);
ALTER TABLE registration ADD CONSTRAINT ck_registration_paid
    CHECK (status <> 'APPROVED' OR (paid_at IS NOT NULL AND receipt_no IS NOT NULL AND paid_amount >= 0));
ALTER TABLE registration ADD CONSTRAINT ck_registration_reviewed
    CHECK (status NOT IN ('REVIEWED', 'APPROVED') OR reviewed_at IS NOT NULL);
CREATE INDEX ix_registration_site_status ON registration (batch_site_id, status);

-- 操作日志: who did what to which record, with the state before and after. Rows are only ever inserted;
-- nothing in the application updates or deletes them.
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_entry (
    id           BIGINT        NOT NULL PRIMARY KEY,
    at           TIMESTAMP     NOT NULL,
    actor        VARCHAR(50)   NOT NULL,
    action       VARCHAR(40)   NOT NULL,
    target_type  VARCHAR(30)   NOT NULL,
    target_id    VARCHAR(40),
    summary      VARCHAR(300),
    before_state VARCHAR(4000),
    after_state  VARCHAR(4000)
);
CREATE INDEX ix_audit_entry_at ON audit_entry (at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, at);
