-- Crypto-shredding: each petitioner's personal data is sealed in the events under a data key of their
-- own, kept here wrapped under the key-encryption key from configuration. Erasure deletes the row.
CREATE TABLE petitioner_key (
    petition_id uuid        PRIMARY KEY,
    wrapped_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- An erased petitioner has no name or ID number left in the search view.
ALTER TABLE petition_view ALTER COLUMN petitioner_name DROP NOT NULL;
ALTER TABLE petition_view ADD COLUMN petitioner_erased boolean NOT NULL DEFAULT false;
