-- The access log. record_view recorded who was shown a petitioner's full record (V5); it now records every access that
-- shows petitioners: a full record, a search (a list page), an export and a receipt. Each row says who, when, what kind,
-- for a search or an export the fields it was by (never the text searched for: the column can hold only the names
-- below) and the ids of the petitions it showed. It names no petitioner and holds no query text, so an erasure has
-- nothing to remove from it. Rows are only ever inserted; nothing updates or deletes them.
ALTER TABLE record_view ADD COLUMN kind text NOT NULL DEFAULT 'FULL_RECORD'
    CHECK (kind IN ('FULL_RECORD', 'SEARCH', 'EXPORT', 'RECEIPT'));
ALTER TABLE record_view ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE record_view ADD COLUMN searched_by text[]
    CHECK (searched_by <@ ARRAY['caseNumber', 'nameOrSubject', 'idNumber', 'status', 'town', 'department',
                                'receivedFrom', 'receivedTo', 'noticeLate']);
ALTER TABLE record_view ADD CONSTRAINT record_view_searched_by_for_lists
    CHECK ((kind IN ('SEARCH', 'EXPORT')) = (searched_by IS NOT NULL));

-- the petitions shown: one for a full record or a receipt, every one on the page or in the file for a list
ALTER TABLE record_view ADD COLUMN petition_ids uuid[];
UPDATE record_view SET petition_ids = ARRAY[petition_id];
ALTER TABLE record_view ALTER COLUMN petition_ids SET NOT NULL;
ALTER TABLE record_view DROP COLUMN petition_id;
CREATE INDEX record_view_petitions ON record_view USING gin (petition_ids);
CREATE INDEX record_view_newest ON record_view (viewed_at DESC, id DESC);
