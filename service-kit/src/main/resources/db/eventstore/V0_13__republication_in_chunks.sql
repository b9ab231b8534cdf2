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
CREATE INDEX outbox_stream ON outbox (aggregate_id, aggregate_version);

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

-- The order the relay publishes in is (transaction id, position) of the outbox row, so the previous version's outbox
-- row must be older too, not only its event: a republication's chunk queues old events in a transaction of its own.
CREATE OR REPLACE FUNCTION event_chained() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous text;
    previous_transaction xid8;
    previous_queued_by xid8;
BEGIN
    IF NEW.version > 1 THEN
        SELECT hash, transaction_id INTO previous, previous_transaction
        FROM event WHERE aggregate_id = NEW.aggregate_id AND version = NEW.version - 1;
        SELECT max(transaction_id) INTO previous_queued_by
        FROM outbox WHERE aggregate_id = NEW.aggregate_id AND aggregate_version = NEW.version - 1;
        IF previous_transaction > pg_current_xact_id() OR previous_queued_by > pg_current_xact_id() THEN
            RAISE EXCEPTION USING ERRCODE = 'serialization_failure',
                MESSAGE = format('version %s of %s was appended or queued by a younger transaction; run again',
                                 NEW.version - 1, NEW.aggregate_id),
                HINT = 'the relay publishes in transaction order: a stream''s next version needs a transaction younger than its last';
        END IF;
    END IF;
    NEW.transaction_id := pg_current_xact_id();
    NEW.previous_hash := previous;
    NEW.hash := event_hash(NEW, previous);
    RETURN NEW;
END $$;
