-- Which instance publishes the outbox: the holder of a lease it renews while it makes progress. A leader
-- that dies or hangs (a stopped process, a stuck send) stops renewing, and another instance takes the lease
-- once it has expired, by the database's clock. Replaces the session advisory lock, which a hung process with
-- an open connection kept forever.
CREATE TABLE outbox_relay_lease (
    name        text        PRIMARY KEY,
    holder      text,
    term        bigint      NOT NULL DEFAULT 0,
    expires_at  timestamptz NOT NULL DEFAULT '-infinity'
);
INSERT INTO outbox_relay_lease (name) VALUES ('relay');

-- Outbox rows that can never be published as they are (larger than the broker takes, a topic that cannot
-- exist, a record that does not serialise), moved aside with the reason so the rows behind them flow.
-- An administrator hands them back after a fix (POST /api/admin/outbox/set-aside/redrive); the event table
-- keeps the event itself.
CREATE TABLE outbox_set_aside (LIKE outbox);
ALTER TABLE outbox_set_aside ADD PRIMARY KEY (event_id);
ALTER TABLE outbox_set_aside ADD COLUMN reason text NOT NULL;
ALTER TABLE outbox_set_aside ADD COLUMN set_aside_at timestamptz NOT NULL DEFAULT now();
