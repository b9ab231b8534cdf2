-- The review (复查) of a case's written answer: the day of the answer, from which the petitioner may ask for one, and
-- when the review asked for must be answered (null while none was asked for).
ALTER TABLE case_view ADD COLUMN answered_on date;
ALTER TABLE case_view ADD COLUMN review_due date;
