-- A stream's versions reach the outbox in the order its relay publishes: (transaction id, position) of the outbox
-- row. A transaction that was given its id before another one appended version N of a stream (a consumer's batch,
-- a long command) would otherwise append N+1 with the smaller id, and the relay would publish N+1 before N; so
-- would one whose stream's version N was queued by a younger transaction (a republication's chunk, V0_13). Such an
-- append is refused as a serialization failure (SQLSTATE 40001): the writer rolls back and runs again in a new
-- transaction, whose id is younger than every version it reads. Within one transaction, positions keep the order
-- of versions. See docs/event-store.md, "A stream's versions in the relay's order".
CREATE INDEX outbox_stream ON outbox (aggregate_id, aggregate_version);

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
    NEW.previous_hash := previous;
    NEW.hash := event_hash(NEW, previous);
    RETURN NEW;
END $$;
