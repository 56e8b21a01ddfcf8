-- Encoded media of titles, learnt from the encoder's EncodingCompleted events.

ALTER TABLE titles ADD COLUMN playable BOOLEAN NOT NULL DEFAULT false;

-- The latest completed encoding of each title (one row per title; a newer completion replaces it).
CREATE TABLE title_media (
    title_id           UUID PRIMARY KEY REFERENCES titles (id) ON DELETE CASCADE,
    job_id             UUID        NOT NULL,
    event_id           UUID        NOT NULL,
    -- the event's occurredAt: an older completion never replaces a newer one
    completed_at       TIMESTAMPTZ NOT NULL,
    origin_version     TEXT        NOT NULL CHECK (char_length(origin_version) > 0),
    duration_millis    BIGINT      NOT NULL CHECK (duration_millis > 0),
    ladder_kind        TEXT        NOT NULL,
    max_height         INTEGER     NOT NULL CHECK (max_height > 0),
    codecs             TEXT[]      NOT NULL,
    audio_languages    TEXT[]      NOT NULL,
    subtitle_languages TEXT[]      NOT NULL
);

-- Event ids already applied by a consumer, so a redelivered event changes nothing.
CREATE TABLE consumed_events (
    event_id    UUID PRIMARY KEY,
    event_type  TEXT        NOT NULL,
    consumed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
