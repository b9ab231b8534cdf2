-- The statutory handling period (60 days) runs from the day the holding department last accepted the case, plus its
-- one extension. Cases accepted before this version take the day from their last case.accepted event in the store.
ALTER TABLE case_view ADD COLUMN accepted_on date;
ALTER TABLE case_view ADD COLUMN extension_days integer NOT NULL DEFAULT 0;
UPDATE case_view v SET accepted_on = (
    SELECT (e.payload ->> 'acceptedOn')::date FROM event e
    WHERE e.aggregate_id = v.id AND e.type LIKE 'case.accepted.%'
    ORDER BY e.version DESC LIMIT 1);
