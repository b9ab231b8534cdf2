-- The bytes of the files added to cases (AttachmentAdded), when they are kept in this database (attachments.store,
-- the default): each file sealed under its petitioner's data key (AES-GCM, bound to the case), written in the
-- transaction that records its event. Deleted when the case records CasePersonalDataErased; unreadable from the moment
-- petition-service withdraws the key. (Version 9.29: issue 29's, apart from whatever else takes version 9.)
CREATE TABLE attachment_content (
    attachment_id uuid PRIMARY KEY,
    case_id       uuid        NOT NULL,
    sealed        bytea       NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachment_content_case ON attachment_content (case_id);
