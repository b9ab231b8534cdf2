-- Idempotent consumption (shipped by the event-store library; services that consume add
-- 'db/consumer' to Flyway's locations): the id of every event this service has applied, recorded
-- in the same transaction as the change it made, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    topic        text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
