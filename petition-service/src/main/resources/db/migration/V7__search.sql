-- Search people expect: names and subjects found by any part of them and ranked by trigram similarity
-- (pg_trgm is a trusted extension: the database owner may create it), by town, by department and by the
-- date received. Petitions registered before this version have no town here (it is sealed in their events).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE petition_view ADD COLUMN town text;
CREATE INDEX petition_view_name_trgm ON petition_view USING gin (petitioner_name gin_trgm_ops);
CREATE INDEX petition_view_subject_trgm ON petition_view USING gin (subject gin_trgm_ops);
CREATE INDEX petition_view_town ON petition_view (town, received_on DESC);
CREATE INDEX petition_view_department ON petition_view (department, received_on DESC);
