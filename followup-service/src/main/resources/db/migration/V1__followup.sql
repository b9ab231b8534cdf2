-- followup-service's own tables, beside the event store (db/eventstore) and the consumer log (db/consumer).

-- The return-visit worklist: written in the same transaction as the visit's events.
CREATE TABLE return_visit_view (
    id                   uuid    PRIMARY KEY,
    case_id              uuid    NOT NULL,
    case_number          text    NOT NULL,
    department           text    NOT NULL,
    closed_on            date    NOT NULL,
    due_by               date    NOT NULL,
    completed            boolean NOT NULL DEFAULT false,
    overdue_recorded     boolean NOT NULL DEFAULT false,
    visited_on           date,
    visitor              text,
    satisfaction         text,
    petitioner_withdraws boolean,
    notes                text,
    reopen               boolean,
    version              integer NOT NULL
);
CREATE INDEX return_visit_view_case ON return_visit_view (case_id);
CREATE INDEX return_visit_view_due ON return_visit_view (due_by) WHERE NOT completed;
