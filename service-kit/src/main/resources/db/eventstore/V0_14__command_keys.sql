-- Idempotency-Key on commands: a key recorded in the transaction of the command it made, so a retry whose first
-- try took effect (its answer lost on the way) is answered with the aggregate as it is, not run again.
CREATE TABLE command_key (
    key           text        PRIMARY KEY,
    aggregate_id  uuid        NOT NULL,
    action        text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
