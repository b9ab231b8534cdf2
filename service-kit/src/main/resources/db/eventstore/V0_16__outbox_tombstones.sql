-- An outbox row without a payload is published as a tombstone (a record with no value): petition-service withdraws a
-- shared data key that way when a person is erased, on a compacted topic.
ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE outbox_set_aside ALTER COLUMN payload DROP NOT NULL;
