-- Chained logs beside the events (docs/security.md): a service's append-only log, its access log, chained row by row
-- as the events are, so an entry altered, removed or slipped in shows. A table joins by having the columns chain_seq,
-- previous_hash and hash and this trigger. Each entry's hash is SHA-256 over the previous entry's hash and the entry's
-- own columns as JSON (jsonb text, nulls left out, times in UTC), in the order the entries were written: the trigger
-- takes the table's chain lock, so two writers chain one after the other.
CREATE FUNCTION chain_log_entry() RETURNS trigger LANGUAGE plpgsql SET timezone = 'UTC' AS $$
DECLARE
    previous record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('chained log ' || TG_TABLE_NAME));
    EXECUTE format('SELECT chain_seq, hash FROM %I ORDER BY chain_seq DESC LIMIT 1', TG_TABLE_NAME) INTO previous;
    NEW.chain_seq := coalesce(previous.chain_seq, 0) + 1;
    NEW.previous_hash := previous.hash;
    NEW.hash := encode(sha256(convert_to(coalesce(previous.hash, '') || '|'
        || jsonb_strip_nulls(to_jsonb(NEW) - 'previous_hash' - 'hash')::text, 'UTF8')), 'hex');
    RETURN NEW;
END $$;
