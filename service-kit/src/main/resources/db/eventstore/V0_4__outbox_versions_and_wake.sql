-- Every published event carries its aggregate's id and version (CloudEvent extensions
-- aggregateid and aggregateversion), so projections can keep the newest state per aggregate.
ALTER TABLE outbox ADD COLUMN aggregate_id uuid;
ALTER TABLE outbox ADD COLUMN aggregate_version integer;
UPDATE outbox o SET aggregate_id = e.aggregate_id, aggregate_version = e.version FROM event e WHERE e.event_id = o.event_id;

-- Every append wakes the relay, whoever made it (a request, a consumer, a watcher): the notification
-- is delivered when the appending transaction commits, and not at all if it rolls back.
CREATE FUNCTION outbox_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_appended', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_appended AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_appended();
