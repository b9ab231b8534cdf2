-- A rebuild that could not read (decode or apply) some records of report_event does not swap: it ends FAILED with
-- why, and the records it could not read (at most 100 listed, all counted).
ALTER TABLE projection_state ADD COLUMN error text;
ALTER TABLE projection_state ADD COLUMN unreadable jsonb NOT NULL DEFAULT '[]';
ALTER TABLE projection_state ADD COLUMN unreadable_count integer NOT NULL DEFAULT 0;
