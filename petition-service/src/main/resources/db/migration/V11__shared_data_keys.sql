-- Each petitioner's data key is shared with assignment- and followup-service over petitioner-data-keys.v1 (a record
-- through the outbox, in the transaction that made the key); an erasure withdraws it (a tombstone). shared_under names
-- the sharing key it was last shared under (null: not shared yet). Keys made before this version, keys shared under
-- another sharing key than the current one (a rotation), and erasures made before this version are shared, shared
-- again and withdrawn at start-up (DataKeySharing).
ALTER TABLE petitioner_key ADD COLUMN shared_under text;
CREATE TABLE data_key_withdrawal_due (petition_id uuid PRIMARY KEY);
INSERT INTO data_key_withdrawal_due (petition_id)
    SELECT DISTINCT aggregate_id FROM event WHERE type = 'petition.petitioner-erased.v1'
    ON CONFLICT DO NOTHING;
