-- The access log (record_view) also records what assignment-service's case file and followup-service's return-visit
-- worklist are shown of petitioners, asked here with the user's own token: the petition's part of a case file, the
-- petitioner masked (CASE_FILE); a petitioner's phone and address whole, asked for on purpose (REVEAL); the names and
-- masked phones of a worklist's petitions, one row for all of them (CONTACTS). None of them is by search fields, so
-- record_view_searched_by_for_lists (V13: searched_by only for SEARCH and EXPORT) stays as it is.
ALTER TABLE record_view DROP CONSTRAINT record_view_kind_check;
ALTER TABLE record_view ADD CONSTRAINT record_view_kind_check
    CHECK (kind IN ('FULL_RECORD', 'SEARCH', 'EXPORT', 'RECEIPT', 'CASE_FILE', 'REVEAL', 'CONTACTS'));
