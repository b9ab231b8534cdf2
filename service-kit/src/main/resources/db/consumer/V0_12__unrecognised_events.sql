-- Events a subscription received but did not understand (a type this version of the service does not know):
-- kept whole, record and headers, so nothing disappears without a trace and a redrive after an upgrade hands
-- them to the subscription again (POST /api/admin/unrecognised-events/redrive, ./platform redrive).
CREATE TABLE unrecognised_event (
    subscription   text        NOT NULL,
    event_id       uuid        NOT NULL,
    type           text        NOT NULL,
    source         text,
    topic          text        NOT NULL,
    partition      integer     NOT NULL,
    record_offset  bigint      NOT NULL,
    record_key     text,
    value          text,
    headers        jsonb       NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription, event_id)
);
