-- Who was shown a petitioner's full record (ID number and phone unmasked), and when.
CREATE TABLE record_view (
    id          bigserial   PRIMARY KEY,
    petition_id uuid        NOT NULL,
    viewer      text        NOT NULL,
    viewed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_view_petition ON record_view (petition_id, viewed_at DESC);
