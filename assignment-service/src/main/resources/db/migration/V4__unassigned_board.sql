-- The assignment board lists law-and-litigation petitions without a case, oldest first: both lookups indexed.
CREATE INDEX known_petition_waiting ON known_petition (received_on, case_number, id) WHERE involves_law_and_litigation;
CREATE INDEX case_view_petition ON case_view (petition_id);
