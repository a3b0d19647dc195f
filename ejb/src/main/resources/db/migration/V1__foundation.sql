-- Foundation schema: accounts, candidates' profiles, exam sites, positions, batches.
-- Identical on H2 and PostgreSQL: SEQUENCE ids (increment = JPA allocationSize; EclipseLink reads a value
-- as the top of its block, so sequences start at the increment), portable types only.

CREATE SEQUENCE exam_site_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE exam_site (
    id          BIGINT       NOT NULL PRIMARY KEY,
    code        VARCHAR(10)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    address     VARCHAR(200) NOT NULL,
    contact     VARCHAR(50),
    phone       VARCHAR(30),
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uk_exam_site_code UNIQUE (code)
);

CREATE SEQUENCE position_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE position (
    id          BIGINT        NOT NULL PRIMARY KEY,
    code        VARCHAR(10)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    fee         NUMERIC(10,2) NOT NULL,
    pass_line   NUMERIC(5,1)  NOT NULL,
    version     INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uk_position_code UNIQUE (code),
    CONSTRAINT ck_position_fee CHECK (fee >= 0),
    CONSTRAINT ck_position_pass_line CHECK (pass_line >= 0)
);

CREATE SEQUENCE exam_batch_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE exam_batch (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    code                VARCHAR(20)  NOT NULL,
    name                VARCHAR(100) NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    registration_start  TIMESTAMP    NOT NULL,
    registration_end    TIMESTAMP    NOT NULL,
    review_end          TIMESTAMP    NOT NULL,
    payment_end         TIMESTAMP    NOT NULL,
    exam_start          TIMESTAMP    NOT NULL,
    exam_end            TIMESTAMP    NOT NULL,
    ticket_print_start  TIMESTAMP    NOT NULL,
    ticket_print_end    TIMESTAMP    NOT NULL,
    version             INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uk_exam_batch_code UNIQUE (code),
    CONSTRAINT ck_exam_batch_status CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED')),
    CONSTRAINT ck_exam_batch_registration CHECK (registration_start < registration_end),
    CONSTRAINT ck_exam_batch_exam CHECK (exam_start < exam_end AND registration_end <= exam_start),
    CONSTRAINT ck_exam_batch_ticket CHECK (ticket_print_start < ticket_print_end)
);

-- Seats a site offers in one batch. seats_taken moves in the same statement that takes a seat, so the
-- check constraint makes overselling impossible even under concurrent submissions.
CREATE SEQUENCE batch_site_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE batch_site (
    id          BIGINT  NOT NULL PRIMARY KEY,
    batch_id    BIGINT  NOT NULL REFERENCES exam_batch (id),
    site_id     BIGINT  NOT NULL REFERENCES exam_site (id),
    seats       INTEGER NOT NULL,
    seats_taken INTEGER NOT NULL DEFAULT 0,
    version     INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT uk_batch_site UNIQUE (batch_id, site_id),
    CONSTRAINT ck_batch_site_seats CHECK (seats >= 0 AND seats_taken >= 0 AND seats_taken <= seats)
);

CREATE TABLE batch_position (
    batch_id    BIGINT NOT NULL REFERENCES exam_batch (id),
    position_id BIGINT NOT NULL REFERENCES position (id),
    CONSTRAINT pk_batch_position PRIMARY KEY (batch_id, position_id)
);

CREATE SEQUENCE staff_account_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE staff_account (
    id             BIGINT       NOT NULL PRIMARY KEY,
    username       VARCHAR(50)  NOT NULL,
    display_name   VARCHAR(50)  NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    site_id        BIGINT       REFERENCES exam_site (id),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins  INTEGER      NOT NULL DEFAULT 0,
    locked_until   TIMESTAMP,
    created_at     TIMESTAMP    NOT NULL,
    version        INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uk_staff_account_username UNIQUE (username),
    CONSTRAINT ck_staff_account_role CHECK (role IN ('PROVINCE_ADMIN', 'SITE_ADMIN', 'OPERATOR')),
    CONSTRAINT ck_staff_account_site CHECK ((role = 'SITE_ADMIN') = (site_id IS NOT NULL))
);

-- The candidate's account: the 18-character national ID number is the login name.
CREATE SEQUENCE candidate_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE candidate (
    id               BIGINT       NOT NULL PRIMARY KEY,
    id_number        VARCHAR(18)  NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    failed_logins    INTEGER      NOT NULL DEFAULT 0,
    locked_until     TIMESTAMP,
    created_at       TIMESTAMP    NOT NULL,
    -- profile (个人信息); null until the candidate fills it in
    name             VARCHAR(50),
    gender           VARCHAR(6),
    birth_date       DATE,
    ethnicity        VARCHAR(20),
    political_status VARCHAR(20),
    education        VARCHAR(20),
    major            VARCHAR(100),
    school           VARCHAR(100),
    graduation_date  DATE,
    employer         VARCHAR(100),
    mobile           VARCHAR(11),
    email            VARCHAR(100),
    address          VARCHAR(200),
    postcode         VARCHAR(6),
    profile_updated_at TIMESTAMP,
    version          INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT uk_candidate_id_number UNIQUE (id_number),
    CONSTRAINT ck_candidate_gender CHECK (gender IS NULL OR gender IN ('MALE', 'FEMALE'))
);
