-- followup-events holds the visits' notes in clear: the return visits' history is re-published, sealed, onto
-- followup-events.v2. Declared here, with this version's schema, so no append publishes onto v2 ahead of the history.
INSERT INTO topic_republication (topic, queued_events, aggregate_type, retired)
VALUES ('followup-events.v2', 0, 'return-visit', '{followup-events}')
ON CONFLICT (topic) DO NOTHING;
