-- Records of petition-events version 1 carried the petitioner's personal data (and reception's free text);
-- report_event kept them as received. Reporting never used those fields and a rebuild reads these rows as
-- the current public version, which drops them anyway (PlatformEvents.LEGACY): they are deleted from the
-- stored bodies. The type stays, so a rebuild still upcasts the row.
UPDATE report_event SET body = ((body::jsonb) - 'petitioner' - 'receivedBy' - 'description')::text
WHERE type = 'petition.registered.v1' AND body IS JSON OBJECT;
UPDATE report_event SET body = ((body::jsonb) - 'receivedBy' - 'note')::text
WHERE type = 'petition.repeat-visit-recorded.v1' AND body IS JSON OBJECT;
