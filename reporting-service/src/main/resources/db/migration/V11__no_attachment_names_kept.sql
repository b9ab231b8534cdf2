-- An attachment's file name (case.attachment-added.v1, field name) is free text about a petitioner too: ReportInbox
-- strips it with every other field of registry.PersonalTexts, and here any record kept before loses it, as V10 did for
-- the fields known then. PersonalDataErasureTest checks that V10 and this migration together name every such field.
UPDATE report_event
SET body = (body::jsonb - ARRAY['name'])::text
WHERE CASE WHEN body IS JSON OBJECT
           THEN body::jsonb ?| ARRAY['name']
           ELSE false END;
