-- The petitions whose petitioner was erased (PersonalDataErased): the records kept of their events hold none of the
-- free text written by or about the person, also records that arrive afterwards.
CREATE TABLE erased_petition (
    id uuid PRIMARY KEY
);
