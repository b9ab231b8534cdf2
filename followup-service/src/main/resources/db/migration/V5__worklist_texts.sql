-- The worklist shows what the petitioner asked (the case's subject, from CaseAssigned) and the department's answer
-- (the resolution of the CaseClosed the visit follows), in clear as the consumer receives them (the kit opens the
-- sealed text); CasePersonalDataErased blanks both. Visits stored before this version have neither (null), and so do
-- visits of cases assigned before it (their CaseAssigned was consumed without keeping the subject).
ALTER TABLE return_visit_view ADD COLUMN subject text, ADD COLUMN answer text;

-- The subject of every assigned case, kept until its closure's visit takes it; deleted on CasePersonalDataErased.
CREATE TABLE case_subject (
    case_id uuid PRIMARY KEY,
    subject text
);
