-- The reminder digests sent: one row per day, addressee (a department or a responsible leader) and recipient. The
-- primary key makes a reminder go out once however many replicas run; see ReminderLedger.
CREATE TABLE reminder_sent (
    day         date        NOT NULL,
    audience    text        NOT NULL CHECK (audience IN ('DEPARTMENT', 'LEADER')),
    addressee   text        NOT NULL,
    recipient   text        NOT NULL,
    claimed_by  uuid        NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    PRIMARY KEY (day, audience, addressee, recipient)
);
