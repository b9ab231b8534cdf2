-- Tamper evidence. Each event carries the hash of its stored content and of the previous event of the
-- same aggregate (previous_hash), so altering, removing or reordering an event of a stream breaks the
-- stream from there; appends to different aggregates stay concurrent. The hash covers the payload as
-- stored (for a petitioner, the ciphertext), so an erasure, which deletes a key and no event, breaks nothing.
ALTER TABLE event ADD COLUMN transaction_id xid8 DEFAULT pg_current_xact_id();
ALTER TABLE event ADD COLUMN previous_hash text;
ALTER TABLE event ADD COLUMN hash text;

-- The hash of an event: SHA-256 over the previous event's hash and every stored field, in a fixed order.
CREATE FUNCTION event_hash(e event, previous text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', coalesce(previous, ''), e.event_id::text, e.aggregate_type,
        e.aggregate_id::text, e.version::text, e.type, e.payload::text, e.actor, e.correlation_id::text,
        coalesce(e.causation_id::text, ''),
        to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')), 'UTF8')), 'hex')
$$;

-- Every append is chained by the database itself, whoever writes it.
CREATE FUNCTION event_chained() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous text;
BEGIN
    IF NEW.version > 1 THEN
        SELECT hash INTO previous FROM event WHERE aggregate_id = NEW.aggregate_id AND version = NEW.version - 1;
    END IF;
    NEW.previous_hash := previous;
    NEW.hash := event_hash(NEW, previous);
    RETURN NEW;
END $$;
CREATE TRIGGER event_chained BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION event_chained();

-- Chains one stream again from its first event: for the events stored before chains existed, and for a
-- migration that rewrites stored content on purpose (sealing petitioners stored in clear).
CREATE FUNCTION rechain_stream(stream uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    e event;
    previous text := NULL;
    current_hash text;
BEGIN
    FOR e IN SELECT * FROM event WHERE aggregate_id = stream ORDER BY version LOOP
        current_hash := event_hash(e, previous);
        UPDATE event SET previous_hash = previous, hash = current_hash WHERE position = e.position;
        previous := current_hash;
    END LOOP;
END $$;
SELECT rechain_stream(aggregate_id) FROM (SELECT DISTINCT aggregate_id FROM event) streams;
ALTER TABLE event ALTER COLUMN hash SET NOT NULL;

-- Anchors chain the heads of all streams from time to time, so removing a stream's last events, or a
-- whole stream, is seen too. An anchor covers the events of every transaction older than the oldest one
-- still running when it was made (covers_below): a set no later commit can change.
CREATE TABLE event_anchor (
    id            bigserial   PRIMARY KEY,
    anchored_at   timestamptz NOT NULL DEFAULT now(),
    covers_below  xid8        NOT NULL,
    streams       bigint      NOT NULL,
    events        bigint      NOT NULL,
    heads_digest  text        NOT NULL,
    previous_hash text,
    hash          text        NOT NULL
);

-- The heads of all streams among the events of transactions older than below.
CREATE FUNCTION event_heads(below xid8) RETURNS TABLE (streams bigint, events bigint, digest text)
LANGUAGE sql STABLE AS $$
    SELECT count(*), coalesce(sum(version), 0),
           encode(sha256(convert_to(coalesce(string_agg(aggregate_id::text || ':' || version || ':' || hash, ','
               ORDER BY aggregate_id), ''), 'UTF8')), 'hex')
    FROM (SELECT DISTINCT ON (aggregate_id) aggregate_id, version, hash FROM event
          WHERE transaction_id < below ORDER BY aggregate_id, version DESC) heads
$$;

CREATE FUNCTION anchor_hash(a event_anchor) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', coalesce(a.previous_hash, ''), a.covers_below::text,
        a.streams::text, a.events::text, a.heads_digest), 'UTF8')), 'hex')
$$;
