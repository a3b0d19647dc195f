-- Profile images (个人证件照, 身份证扫描件, 学历证书扫描件): one current image of each kind per candidate,
-- stored with the candidate's data in the same transaction. Always a re-encoded JPEG of at most 100 KB
-- (the check constraint repeats the rule the service enforces).
CREATE SEQUENCE candidate_image_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE candidate_image (
    id            BIGINT      NOT NULL PRIMARY KEY,
    candidate_id  BIGINT      NOT NULL REFERENCES candidate (id),
    kind          VARCHAR(20) NOT NULL,
    content       BYTEA       NOT NULL,
    byte_size     INTEGER     NOT NULL,
    width         INTEGER     NOT NULL,
    height        INTEGER     NOT NULL,
    uploaded_at   TIMESTAMP   NOT NULL,
    version       INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT uk_candidate_image UNIQUE (candidate_id, kind),
    CONSTRAINT ck_candidate_image_kind CHECK (kind IN ('PHOTO', 'ID_CARD_SCAN', 'DIPLOMA_SCAN')),
    CONSTRAINT ck_candidate_image_size CHECK (byte_size > 0 AND byte_size <= 102400)
);
