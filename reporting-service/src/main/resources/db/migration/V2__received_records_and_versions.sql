-- report_event keeps each record exactly as it was received: its type, source, the value's text
-- and its headers, with the aggregate and version the envelope named. A rebuild decodes and upcasts
-- at replay time, so an event type this version does not know is kept and counted by a later
-- version's rebuild. Rows received before this change kept a re-encoded copy of the payload: it
-- becomes their body, and their source is the topic's owner.
ALTER TABLE report_event ADD COLUMN source text;
ALTER TABLE report_event ADD COLUMN body text;
ALTER TABLE report_event ADD COLUMN headers jsonb NOT NULL DEFAULT '{}';
ALTER TABLE report_event ADD COLUMN aggregate_id uuid;
ALTER TABLE report_event ADD COLUMN aggregate_version integer;
UPDATE report_event SET body = payload::text, source = CASE topic
    WHEN 'petition-events' THEN 'petition-service'
    WHEN 'assignment-events' THEN 'assignment-service'
    WHEN 'followup-events' THEN 'followup-service'
    ELSE 'unknown' END;
ALTER TABLE report_event ALTER COLUMN source SET NOT NULL;
ALTER TABLE report_event ALTER COLUMN body SET NOT NULL;
ALTER TABLE report_event DROP COLUMN payload;

-- The aggregate version each row was built from: an event is applied only if it is newer, so a
-- redelivered or redriven older event never turns a status back.
ALTER TABLE rm_case ADD COLUMN version integer;
ALTER TABLE rm_return_visit ADD COLUMN version integer;
