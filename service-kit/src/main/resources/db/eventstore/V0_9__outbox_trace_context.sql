-- What a published event continues: the correlation id of the request that started the chain (the
-- CloudEvent extension "correlationid") and the W3C traceparent of the span that wrote the event, so the
-- relay publishes it in the same trace, however much later and from whichever replica. Both are null
-- for rows queued before this migration and for work nobody traced.
ALTER TABLE outbox ADD COLUMN correlation_id uuid;
ALTER TABLE outbox ADD COLUMN trace_parent text;
