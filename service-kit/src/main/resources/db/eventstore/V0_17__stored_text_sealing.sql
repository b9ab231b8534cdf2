-- Events stored before free text was sealed are sealed in place once (StoredTextSealing): how far it got.
CREATE TABLE stored_text_sealing (
    id            integer     PRIMARY KEY CHECK (id = 1),
    through       bigint      NOT NULL DEFAULT 0,
    sealed        bigint      NOT NULL DEFAULT 0,
    finished_at   timestamptz
);
INSERT INTO stored_text_sealing (id) VALUES (1);
