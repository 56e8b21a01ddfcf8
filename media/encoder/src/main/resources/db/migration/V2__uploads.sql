-- Resumable studio uploads. The bytes live in <work-dir>/uploads/<id>.part until the upload completes; "received" is
-- only ever advanced after those bytes were forced to disk. A COMPLETE upload owns a job (job_id) and its master moved
-- to <work-dir>/masters/<id>/master.<ext> (master_path), both set in the one transaction that completes it.

CREATE TABLE uploads (
    id           UUID PRIMARY KEY,
    title_id     UUID        NOT NULL,
    filename     TEXT        NOT NULL CHECK (char_length(filename) BETWEEN 1 AND 255),
    length       BIGINT      NOT NULL CHECK (length > 0),
    received     BIGINT      NOT NULL DEFAULT 0,
    state        TEXT        NOT NULL CHECK (state IN ('RECEIVING', 'COMPLETE', 'REJECTED')),
    ladder       TEXT        NOT NULL CHECK (ladder IN ('PER_TITLE', 'FIXED')),
    profile      TEXT        NOT NULL CHECK (profile IN ('STANDARD', 'FAST')),
    requested_by UUID        NOT NULL,
    job_id       UUID,
    master_path  TEXT,
    rejection    TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT uploads_received_within_length CHECK (received BETWEEN 0 AND length),
    CONSTRAINT uploads_complete_has_job CHECK (
        (state = 'COMPLETE') = (job_id IS NOT NULL AND master_path IS NOT NULL AND received = length)),
    CONSTRAINT uploads_rejected_has_reason CHECK ((state = 'REJECTED') = (rejection IS NOT NULL))
);
-- One upload per job, so a job can never be created twice for the same master.
CREATE UNIQUE INDEX uploads_job_key ON uploads (job_id) WHERE job_id IS NOT NULL;
-- The cleaner's scan: unfinished uploads by expiry.
CREATE INDEX uploads_receiving_expiry_idx ON uploads (expires_at) WHERE state = 'RECEIVING';
