-- The version of the case (assignment-service's Case aggregate) that the status and department in
-- petition_view come from: a case event is applied only if it is newer, so a redelivered or redriven
-- older event never turns a status back.
ALTER TABLE petition_view ADD COLUMN case_version integer;
