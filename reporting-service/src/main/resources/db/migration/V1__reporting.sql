-- reporting-service: read models only, all derived from the events it receives.

-- Every event received. The rebuild replays this log in (transaction_id, seq) order and, like the
-- outbox relay, only past the oldest transaction still running, so a late commit is never skipped.
CREATE TABLE report_event (
    seq            bigserial   PRIMARY KEY,
    transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id    uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    type        text        NOT NULL,
    payload     jsonb       NOT NULL,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX report_event_replay_order ON report_event (transaction_id, seq);

-- Which generation of the read models queries use, and how a rebuild is going.
CREATE TABLE projection_state (
    id                  integer     PRIMARY KEY CHECK (id = 1),
    active_generation   integer     NOT NULL,
    building_generation integer,
    status              text        NOT NULL,
    replayed            bigint      NOT NULL DEFAULT 0,
    to_replay           bigint      NOT NULL DEFAULT 0,
    started_at          timestamptz,
    finished_at         timestamptz,
    events_per_second   double precision
);
INSERT INTO projection_state (id, active_generation, status) VALUES (1, 1, 'IDLE');

-- The read models, one copy per generation: the live one, and during a rebuild the next.
CREATE TABLE rm_petition (
    generation                  integer NOT NULL,
    id                          uuid    NOT NULL,
    received_on                 date    NOT NULL,
    channel                     text    NOT NULL,
    joint_visit_day             boolean NOT NULL,
    involves_law_and_litigation boolean NOT NULL,
    escalated_to                text,
    PRIMARY KEY (generation, id)
);

CREATE TABLE rm_case (
    generation          integer NOT NULL,
    id                  uuid    NOT NULL,
    case_number         text    NOT NULL,
    department          text    NOT NULL,
    responsible_leader  text    NOT NULL,
    first_assigned_on   date    NOT NULL,
    deadline            date    NOT NULL,
    status              text    NOT NULL,
    PRIMARY KEY (generation, id)
);

CREATE TABLE rm_return_visit (
    generation           integer NOT NULL,
    id                   uuid    NOT NULL,
    case_id              uuid    NOT NULL,
    department           text    NOT NULL,
    closed_on            date    NOT NULL,
    due_by               date    NOT NULL,
    completed            boolean NOT NULL,
    satisfaction         text,
    petitioner_withdraws boolean,
    PRIMARY KEY (generation, id)
);
