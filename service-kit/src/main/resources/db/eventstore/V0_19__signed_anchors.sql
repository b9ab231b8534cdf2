-- Anchors the database owner cannot rewrite quietly (docs/security.md, "A log the database owner cannot rewrite
-- quietly"). An anchor is now made whole by the service, in one INSERT: its hash covers the previous anchor's, and it
-- is signed with a key the database never sees and published to event-anchors.v1, outside the database. It records
-- the head (version and hash) of every stream that moved since the previous anchor, so a later verification names
-- the stream and version a rewrite changed, even one whose hashes were all computed again. The service's role may
-- only insert into these tables (LeastPrivilege).
ALTER TABLE event_anchor ADD COLUMN anchored_heads bigint;
ALTER TABLE event_anchor ADD COLUMN access_log_head text;
ALTER TABLE event_anchor ADD COLUMN key_id text;
ALTER TABLE event_anchor ADD COLUMN signature text;

CREATE TABLE event_anchor_head (
    anchor_id    bigint  NOT NULL REFERENCES event_anchor (id),
    aggregate_id uuid    NOT NULL,
    version      integer NOT NULL,
    hash         text    NOT NULL,
    PRIMARY KEY (aggregate_id, anchor_id)
);
CREATE INDEX event_anchor_head_anchor ON event_anchor_head (anchor_id);
