-- The access log (record_view) is chained like the event log (db/eventstore V0_20): the entries already there are
-- chained in the order they were written, every new one by the trigger. The service's role may only insert here.
-- (Numbered 20 to stay clear of the migrations being written beside it; Flyway runs them in version order.)
ALTER TABLE record_view ADD COLUMN chain_seq bigint;
ALTER TABLE record_view ADD COLUMN previous_hash text;
ALTER TABLE record_view ADD COLUMN hash text;

DO $$
DECLARE
    entry record;
    n bigint := 0;
    previous text := NULL;
    current_hash text;
BEGIN
    SET LOCAL timezone = 'UTC';
    FOR entry IN SELECT id FROM record_view ORDER BY id LOOP
        n := n + 1;
        UPDATE record_view SET chain_seq = n WHERE id = entry.id;
        SELECT encode(sha256(convert_to(coalesce(previous, '') || '|'
                   || jsonb_strip_nulls(to_jsonb(r) - 'previous_hash' - 'hash')::text, 'UTF8')), 'hex')
            INTO current_hash FROM record_view r WHERE r.id = entry.id;
        UPDATE record_view SET previous_hash = previous, hash = current_hash WHERE id = entry.id;
        previous := current_hash;
    END LOOP;
END $$;

ALTER TABLE record_view ALTER COLUMN chain_seq SET NOT NULL;
ALTER TABLE record_view ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX record_view_chain ON record_view (chain_seq);
CREATE TRIGGER record_view_chained BEFORE INSERT ON record_view FOR EACH ROW EXECUTE FUNCTION chain_log_entry();
