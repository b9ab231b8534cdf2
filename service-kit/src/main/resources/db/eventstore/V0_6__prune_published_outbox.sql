-- The outbox holds only what is yet to be published: the relay deletes what its checkpoint has
-- passed (the event table keeps everything). Rows published before this change go now.
DELETE FROM outbox o USING outbox_relay_checkpoint c
WHERE c.name = 'relay' AND (o.transaction_id, o.position) <= (c.last_transaction_id, c.last_position);
