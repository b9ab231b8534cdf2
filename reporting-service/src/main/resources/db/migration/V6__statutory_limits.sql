-- The days the statutory limits run from, per case: accepted on, the one extension, answered (closed) on, a review
-- asked for on. Filled by the projector from now on; a rebuild (POST /api/admin/projections/rebuild) fills them for
-- the cases recorded before.
ALTER TABLE rm_case ADD COLUMN accepted_on date;
ALTER TABLE rm_case ADD COLUMN extension_days integer NOT NULL DEFAULT 0;
ALTER TABLE rm_case ADD COLUMN closed_on date;
ALTER TABLE rm_case ADD COLUMN review_requested_on date;
