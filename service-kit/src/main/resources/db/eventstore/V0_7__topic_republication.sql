-- Topic versions this service has re-published its whole event store onto (see EventStore.republishAll):
-- one row per topic, written in the transaction that queued the history, so it happens once.
CREATE TABLE topic_republication (
    topic          text        PRIMARY KEY,
    queued_events  integer     NOT NULL,
    republished_at timestamptz NOT NULL DEFAULT now()
);
