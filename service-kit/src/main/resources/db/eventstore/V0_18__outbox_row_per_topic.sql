-- An event may wait in the outbox for two topics at once: its own topic and, while a republication runs, the new
-- version of it. With event_id unique, the republication's row was dropped (ON CONFLICT DO NOTHING) whenever the
-- event's row for its own topic was still unpublished, and the event never reached the new topic. One row per event
-- and topic; a row set aside is moved by its position.
ALTER TABLE outbox DROP CONSTRAINT outbox_event_id_key;
ALTER TABLE outbox ADD CONSTRAINT outbox_event_topic_key UNIQUE (event_id, topic);
ALTER TABLE outbox_set_aside DROP CONSTRAINT outbox_set_aside_pkey;
ALTER TABLE outbox_set_aside ADD PRIMARY KEY (event_id, topic);
