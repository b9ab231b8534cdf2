-- Each petitioner's data key is shared with assignment- and followup-service over petitioner-data-keys.v1 (a record
-- through the outbox, in the transaction that made the key); an erasure withdraws it (a tombstone). Keys made before
-- this version, and erasures made before it, are shared and withdrawn once at start-up (DataKeySharing).
ALTER TABLE petitioner_key ADD COLUMN shared boolean NOT NULL DEFAULT false;
CREATE TABLE data_key_withdrawal_due (petition_id uuid PRIMARY KEY);
INSERT INTO data_key_withdrawal_due (petition_id)
    SELECT DISTINCT aggregate_id FROM event WHERE type = 'petition.petitioner-erased.v1'
    ON CONFLICT DO NOTHING;
