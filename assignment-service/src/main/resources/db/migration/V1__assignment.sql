-- assignment-service's own tables, beside the event store (db/eventstore) and the consumer log (db/consumer).

-- What assignment knows of petitions, from petition-events.
CREATE TABLE known_petition (
    id                          uuid    PRIMARY KEY,
    case_number                 text    NOT NULL,
    subject                     text    NOT NULL,
    petitioner_name             text    NOT NULL,
    involves_law_and_litigation boolean NOT NULL,
    received_on                 date    NOT NULL
);

-- The cases as queues and lists read them: written in the same transaction as the case's events.
CREATE TABLE case_view (
    id                    uuid        PRIMARY KEY,
    petition_id           uuid        NOT NULL,
    case_number           text        NOT NULL,
    subject               text        NOT NULL,
    department            text        NOT NULL,
    responsible_leader    text        NOT NULL,
    difficulty            text        NOT NULL,
    assigned_on           date        NOT NULL,
    deadline              date        NOT NULL,
    status                text        NOT NULL,
    overdue_recorded_for  date,
    version               integer     NOT NULL
);
CREATE INDEX case_view_queue ON case_view (department, status, deadline);
CREATE INDEX case_view_open_deadline ON case_view (deadline) WHERE status IN ('ASSIGNED', 'ACCEPTED');
