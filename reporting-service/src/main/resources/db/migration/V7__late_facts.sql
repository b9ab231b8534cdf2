-- Late and redriven events keep their facts (#24). Each value of a case that later events change (status, holding
-- department, deadline, accepted on, the extension, closed on, review asked for on) remembers the version of the
-- event that set it: an event sets a value only if it is newer than that one, whatever order events arrive in, so a
-- late event fills in what it knows without turning a newer value back. The row's own version is the newest event
-- applied. Rows recorded before take the row's version for every value they hold.
ALTER TABLE rm_case ADD COLUMN status_version integer;
ALTER TABLE rm_case ADD COLUMN department_version integer;
ALTER TABLE rm_case ADD COLUMN deadline_version integer;
ALTER TABLE rm_case ADD COLUMN accepted_on_version integer;
ALTER TABLE rm_case ADD COLUMN extension_days_version integer;
ALTER TABLE rm_case ADD COLUMN closed_on_version integer;
ALTER TABLE rm_case ADD COLUMN review_requested_on_version integer;
UPDATE rm_case SET status_version = version, department_version = version, deadline_version = version,
    accepted_on_version = CASE WHEN accepted_on IS NOT NULL THEN version END,
    extension_days_version = CASE WHEN extension_days > 0 THEN version END,
    closed_on_version = CASE WHEN closed_on IS NOT NULL THEN version END,
    review_requested_on_version = CASE WHEN review_requested_on IS NOT NULL THEN version END;

-- A case's or a visit's row can start from any of its events: one whose assignment (or scheduling) is still in the
-- dead letters is kept with what the later events say, and counts once its assignment (scheduling) arrives.
ALTER TABLE rm_case ALTER COLUMN case_number DROP NOT NULL;
ALTER TABLE rm_case ALTER COLUMN department DROP NOT NULL;
ALTER TABLE rm_case ALTER COLUMN responsible_leader DROP NOT NULL;
ALTER TABLE rm_case ALTER COLUMN first_assigned_on DROP NOT NULL;
ALTER TABLE rm_case ALTER COLUMN deadline DROP NOT NULL;
ALTER TABLE rm_case ALTER COLUMN status DROP NOT NULL;
ALTER TABLE rm_return_visit ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE rm_return_visit ALTER COLUMN department DROP NOT NULL;
ALTER TABLE rm_return_visit ALTER COLUMN closed_on DROP NOT NULL;
ALTER TABLE rm_return_visit ALTER COLUMN due_by DROP NOT NULL;
ALTER TABLE rm_return_visit ALTER COLUMN completed SET DEFAULT false;
