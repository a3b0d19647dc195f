-- 准考证 (manual section 5): exam rooms (考场) per site, the ticket set-up of a batch (number rule and
-- publication) and the admission tickets themselves: one seat of one room per approved registration.
-- What the database guarantees by itself: one ticket per registration, one registration per seat of a room
-- in a batch, unique ticket numbers. "No more candidates than seats" spans two tables (no portable check
-- constraint can see both): TicketService enforces it, refuses shrinking a room below a seat in use, and the
-- completeness check reports any room over capacity.

CREATE SEQUENCE exam_room_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE exam_room (
    id       BIGINT      NOT NULL PRIMARY KEY,
    site_id  BIGINT      NOT NULL REFERENCES exam_site (id),
    room_no  INTEGER     NOT NULL,
    name     VARCHAR(50),
    seats    INTEGER     NOT NULL DEFAULT 30,
    version  INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT uk_exam_room_no UNIQUE (site_id, room_no),
    CONSTRAINT ck_exam_room_no CHECK (room_no BETWEEN 1 AND 9999),
    CONSTRAINT ck_exam_room_seats CHECK (seats BETWEEN 1 AND 999)
);

-- One row per batch once anybody touches its tickets: the ticket-number rule (null: the configured default,
-- kaowu.ticket.rule) and 发布准考证 (after which allocation can only add, never redo).
CREATE TABLE ticket_setup (
    batch_id     BIGINT      NOT NULL PRIMARY KEY REFERENCES exam_batch (id),
    number_rule  VARCHAR(60),
    published_at TIMESTAMP,
    published_by VARCHAR(50),
    version      INTEGER     NOT NULL DEFAULT 0
);

CREATE SEQUENCE admission_ticket_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE admission_ticket (
    id              BIGINT      NOT NULL PRIMARY KEY,
    batch_id        BIGINT      NOT NULL REFERENCES exam_batch (id),
    registration_id BIGINT      NOT NULL REFERENCES registration (id),
    room_id         BIGINT      NOT NULL REFERENCES exam_room (id),
    seat_no         INTEGER     NOT NULL,
    ticket_no       VARCHAR(40) NOT NULL,
    created_at      TIMESTAMP   NOT NULL,
    CONSTRAINT uk_admission_ticket_no UNIQUE (ticket_no),
    CONSTRAINT uk_admission_ticket_seat UNIQUE (batch_id, room_id, seat_no),
    CONSTRAINT uk_admission_ticket_registration UNIQUE (registration_id),
    CONSTRAINT ck_admission_ticket_seat CHECK (seat_no >= 1)
);
CREATE INDEX ix_admission_ticket_room ON admission_ticket (room_id, batch_id);
