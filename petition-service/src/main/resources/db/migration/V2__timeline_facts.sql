-- The facts of a timeline entry by name (department, deadline, reason, ...) so pages can word them per language.
ALTER TABLE timeline_entry ADD COLUMN facts jsonb;
