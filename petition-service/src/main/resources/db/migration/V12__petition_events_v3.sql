-- petition-events.v2 holds the subjects in clear: the history is re-published, sealed, onto petition-events.v3. Declared
-- here, with this version's schema, so no append publishes onto v3 ahead of the history (see Republication).
INSERT INTO topic_republication (topic, queued_events, aggregate_type, retired)
VALUES ('petition-events.v3', 0, 'petition', '{petition-events,petition-events.v2}')
ON CONFLICT (topic) DO NOTHING;
