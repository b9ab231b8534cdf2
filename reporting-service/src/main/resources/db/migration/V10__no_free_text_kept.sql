-- reporting counts; it never shows what people wrote. From this version it keeps no free text written by or about a
-- petitioner in report_event at all (ReportInbox strips the fields of registry.PersonalTexts from every record it
-- keeps), and here the records kept before lose them. PersonalDataErasureTest checks this list against PersonalTexts.
UPDATE report_event
SET body = (body::jsonb - ARRAY['description', 'note', 'notes', 'petitioner', 'reason', 'receivedBy', 'resolution', 'subject'])::text
WHERE CASE WHEN body IS JSON OBJECT
           THEN body::jsonb ?| ARRAY['description', 'note', 'notes', 'petitioner', 'reason', 'receivedBy', 'resolution', 'subject']
           ELSE false END;
