-- petition-service's own tables, beside the event store (db/eventstore) and the consumer log (db/consumer).

-- Case numbers staff read aloud (XF-2026-00042): one counter per year, incremented under a row
-- lock in the registering transaction, so numbers are sequential and never handed out twice.
CREATE TABLE case_number_counter (
    year        integer PRIMARY KEY,
    last_number integer NOT NULL
);

-- Idempotency-Key: the first result of a registration, replayed for a retry with the same key.
CREATE TABLE idempotent_request (
    idempotency_key text        PRIMARY KEY,
    request_hash    text        NOT NULL,
    petition_id     uuid        NOT NULL,
    response        jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- The petitions as reception searches them: written in the same transaction as the events.
CREATE TABLE petition_view (
    id                          uuid        PRIMARY KEY,
    case_number                 text        NOT NULL UNIQUE,
    channel                     text        NOT NULL,
    received_on                 date        NOT NULL,
    joint_visit_day             boolean     NOT NULL,
    petitioner_name             text        NOT NULL,
    id_number                   text,
    subject                     text        NOT NULL,
    involves_law_and_litigation boolean     NOT NULL,
    status                      text        NOT NULL,
    department                  text,
    version                     integer     NOT NULL,
    registered_at               timestamptz NOT NULL
);
CREATE INDEX petition_view_id_number ON petition_view (id_number);
CREATE INDEX petition_view_received ON petition_view (received_on DESC, case_number DESC);

-- A petition's timeline: its own events and, as they arrive, its case's and return visit's.
CREATE TABLE timeline_entry (
    event_id    uuid        PRIMARY KEY,
    petition_id uuid        NOT NULL,
    type        text        NOT NULL,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    detail      text
);
CREATE INDEX timeline_entry_petition ON timeline_entry (petition_id, at);
