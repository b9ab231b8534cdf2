-- Event store (shipped by the event-store library; services add 'db/eventstore' to Flyway's locations).
-- One row per event, never updated or deleted. UNIQUE (aggregate_id, version) is the optimistic
-- concurrency check: two writers that loaded the same version cannot both append.
CREATE TABLE event (
    position        bigserial   PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    aggregate_type  text        NOT NULL,
    aggregate_id    uuid        NOT NULL,
    version         integer     NOT NULL CHECK (version > 0),
    type            text        NOT NULL,
    payload         jsonb       NOT NULL,
    actor           text        NOT NULL,
    correlation_id  uuid        NOT NULL,
    causation_id    uuid,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (aggregate_id, version)
);

-- Transactional outbox: written in the same transaction as the events. transaction_id lets the
-- relay publish only what every older transaction has finished with, so it never skips a row
-- that commits late (see docs/event-store.md).
CREATE TABLE outbox (
    position        bigserial   PRIMARY KEY,
    transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id        uuid        NOT NULL UNIQUE,
    topic           text        NOT NULL,
    record_key      text        NOT NULL,
    type            text        NOT NULL,
    payload         jsonb       NOT NULL,
    subject         text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX outbox_commit_order ON outbox (transaction_id, position);

-- How far the relay has published, in commit order. One row; the relay locks it for the length
-- of a batch (FOR UPDATE SKIP LOCKED), so with several replicas exactly one publishes at a time.
CREATE TABLE outbox_relay_checkpoint (
    name                text    PRIMARY KEY,
    last_transaction_id xid8    NOT NULL,
    last_position       bigint  NOT NULL
);
INSERT INTO outbox_relay_checkpoint (name, last_transaction_id, last_position) VALUES ('relay', '0', 0);
