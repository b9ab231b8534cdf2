-- Failed attempts to reach the petitioner (ReturnVisitAttemptFailed): how many, and the latest one's day and reason.
-- Their notes are not kept here: they stay sealed in the visit's events only, so an erasure has nothing of them to blank.
ALTER TABLE return_visit_view ADD COLUMN attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN last_attempt_on date,
    ADD COLUMN last_attempt_reason text;

-- The petition each visit's case came from (CaseAssigned's petitionId), so the worklist can ask petition-service whom
-- to call. Not personal: an id, kept after an erasure (petition-service then answers that nobody is left to show).
-- Visits stored before this version, and visits of cases assigned before it, have none (null): their CaseAssigned was
-- consumed without keeping it, and the events are not replayed.
ALTER TABLE case_subject ADD COLUMN petition_id uuid;
ALTER TABLE return_visit_view ADD COLUMN petition_id uuid;
