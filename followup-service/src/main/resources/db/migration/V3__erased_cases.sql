-- The cases whose petitioner was erased (CasePersonalDataErased): their return visits keep no notes, also those
-- completed afterwards.
CREATE TABLE erased_case (
    id uuid PRIMARY KEY
);
