-- Each subscription of a service applies each event once, whatever the service's other
-- subscriptions did with it: the log is keyed by subscription and event id. Rows written before
-- are named by each service's own migration (they were one subscription per topic).
ALTER TABLE processed_event ADD COLUMN subscription text NOT NULL DEFAULT 'unnamed';
ALTER TABLE processed_event DROP CONSTRAINT processed_event_pkey;
ALTER TABLE processed_event ADD PRIMARY KEY (subscription, event_id);
ALTER TABLE processed_event ALTER COLUMN subscription DROP DEFAULT;
CREATE INDEX processed_event_id ON processed_event (event_id);
