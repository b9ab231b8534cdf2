-- Key-encryption keys carry an id (petition.privacy.key-encryption-keys.<id>): each data key records the id of
-- the key it is wrapped under, so keys can be rotated without downtime (new data keys go under the current key,
-- old ones still unwrap with theirs, and a re-wrap moves them over). Every key stored before is under the one key
-- the single property petition.privacy.key-encryption-key held, which keeps the id k0.
ALTER TABLE petitioner_key ADD COLUMN kek_id text NOT NULL DEFAULT 'k0';
ALTER TABLE petitioner_key ALTER COLUMN kek_id DROP DEFAULT;
CREATE INDEX petitioner_key_kek_id ON petitioner_key (kek_id);

-- A known value sealed under each key-encryption key when it is first used: at start-up every configured key
-- must open its row, so a wrong key is refused before the service serves anything (see docs/security.md).
CREATE TABLE key_encryption_key_check (
    kek_id     text        PRIMARY KEY,
    sealed     bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
