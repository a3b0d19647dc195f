-- 考试报名: one registration per candidate and batch (also a constraint), its positions, and the snapshot
-- of the profile taken when it is submitted for review (later profile edits do not change what reviewers
-- approved). Seats are taken at submission by a conditional UPDATE of batch_site.seats_taken, whose check
-- constraint (V1) makes overselling impossible.
CREATE SEQUENCE registration_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE registration (
    id               BIGINT      NOT NULL PRIMARY KEY,
    registration_no  VARCHAR(32) NOT NULL,
    candidate_id     BIGINT      NOT NULL REFERENCES candidate (id),
    batch_id         BIGINT      NOT NULL REFERENCES exam_batch (id),
    batch_site_id    BIGINT      NOT NULL REFERENCES batch_site (id),
    status           VARCHAR(12) NOT NULL,
    seat_held        BOOLEAN     NOT NULL DEFAULT FALSE,
    reject_reason    VARCHAR(200),
    created_at       TIMESTAMP   NOT NULL,
    updated_at       TIMESTAMP   NOT NULL,
    submitted_at     TIMESTAMP,
    -- snapshot of 个人信息 at submission
    snap_name             VARCHAR(50),
    snap_gender           VARCHAR(6),
    snap_birth_date       DATE,
    snap_ethnicity        VARCHAR(20),
    snap_political_status VARCHAR(20),
    snap_education        VARCHAR(20),
    snap_major            VARCHAR(100),
    snap_school           VARCHAR(100),
    snap_graduation_date  DATE,
    snap_employer         VARCHAR(100),
    snap_mobile           VARCHAR(11),
    snap_email            VARCHAR(100),
    snap_address          VARCHAR(200),
    snap_postcode         VARCHAR(6),
    snap_photo            BYTEA,
    version          INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT uk_registration_candidate_batch UNIQUE (candidate_id, batch_id),
    CONSTRAINT uk_registration_no UNIQUE (registration_no),
    CONSTRAINT ck_registration_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'REJECTED', 'REVIEWED', 'APPROVED', 'WITHDRAWN'))
);
CREATE INDEX ix_registration_batch_status ON registration (batch_id, status);

CREATE TABLE registration_position (
    registration_id BIGINT NOT NULL REFERENCES registration (id),
    position_id     BIGINT NOT NULL REFERENCES position (id),
    CONSTRAINT pk_registration_position PRIMARY KEY (registration_id, position_id)
);
