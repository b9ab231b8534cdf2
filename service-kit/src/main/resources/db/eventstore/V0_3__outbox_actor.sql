-- The relay sends who caused each event (the CloudEvent extension "actor"), so consumers can show
-- it in timelines without reading another service's store.
ALTER TABLE outbox ADD COLUMN actor text NOT NULL DEFAULT 'unknown';
