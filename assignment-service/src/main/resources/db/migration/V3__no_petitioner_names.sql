-- assignment keeps no personal data of petitioners: the public petition events no longer carry the
-- petitioner, and the name kept from the old ones is dropped.
ALTER TABLE known_petition DROP COLUMN petitioner_name;
