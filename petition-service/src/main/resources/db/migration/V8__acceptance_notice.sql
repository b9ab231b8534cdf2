-- The day the written notice of acceptance went out, so a supervisor can list the petitions whose notice is late
-- (none recorded and the statutory 15 days past). Filled from the notices recorded before.
ALTER TABLE petition_view ADD COLUMN acceptance_notice_sent_on date;
UPDATE petition_view v SET acceptance_notice_sent_on = (t.facts ->> 'sentOn')::date
FROM timeline_entry t WHERE t.petition_id = v.id AND t.type = 'AcceptanceNoticeSent' AND t.facts ? 'sentOn';
CREATE INDEX petition_view_notice_pending ON petition_view (received_on) WHERE acceptance_notice_sent_on IS NULL;
