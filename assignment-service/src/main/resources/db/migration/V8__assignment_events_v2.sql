-- assignment-events holds subjects, reasons and resolutions in clear: the cases' history is re-published, sealed, onto
-- assignment-events.v2. Declared here, with this version's schema, so no append publishes onto v2 ahead of the history.
INSERT INTO topic_republication (topic, queued_events, aggregate_type, retired)
VALUES ('assignment-events.v2', 0, 'case', '{assignment-events}')
ON CONFLICT (topic) DO NOTHING;
