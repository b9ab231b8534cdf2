-- Republishing an aggregate's history onto a new topic version, in chunks, while the service and its consumers run,
-- resumable after a crash and observable (see docs/event-store.md, "Republication"). The row keeps the cursor:
-- the last event queued, in the relay's order (transaction id, position); events of transactions still running are
-- never passed over.
ALTER TABLE topic_republication ADD COLUMN aggregate_type text;
ALTER TABLE topic_republication ADD COLUMN retired text[] NOT NULL DEFAULT '{}';
ALTER TABLE topic_republication ADD COLUMN last_transaction_id xid8 NOT NULL DEFAULT '0';
ALTER TABLE topic_republication ADD COLUMN last_position bigint NOT NULL DEFAULT 0;
ALTER TABLE topic_republication ADD COLUMN chunks integer NOT NULL DEFAULT 0;
ALTER TABLE topic_republication ADD COLUMN last_chunk_at timestamptz;
ALTER TABLE topic_republication ADD COLUMN finished_at timestamptz;
-- the republications made before were done in one transaction: finished
UPDATE topic_republication SET finished_at = republished_at;

CREATE INDEX event_commit_order ON event (aggregate_type, transaction_id, position);

-- An instance of an older version, during a rolling upgrade, still queues events for the topic being retired; its
-- events must reach the new topic too. Such a row reopens a finished republication, whose next chunk carries them.
CREATE FUNCTION outbox_for_retired_topic() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE topic_republication r SET finished_at = NULL
    WHERE r.finished_at IS NOT NULL AND EXISTS (SELECT 1 FROM queued q WHERE q.topic = ANY (r.retired));
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_for_retired_topic AFTER INSERT ON outbox REFERENCING NEW TABLE AS queued
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_for_retired_topic();
