-- Playback schema: one row per account that ever played (the lock that serialises its stream slots) and one row per
-- session.

-- Starting a session locks its account's row (SELECT ... FOR UPDATE) before counting live sessions, so two
-- concurrent starts of one account cannot both take the last slot.
CREATE TABLE stream_accounts (
    account_id UUID PRIMARY KEY
);

CREATE TABLE sessions (
    id                UUID PRIMARY KEY,
    account_id        UUID        NOT NULL REFERENCES stream_accounts (account_id),
    profile_id        UUID        NOT NULL,
    title_id          UUID        NOT NULL,
    title_name        TEXT        NOT NULL,
    origin_version    TEXT        NOT NULL CHECK (char_length(origin_version) > 0),
    device_class      TEXT        NOT NULL CHECK (device_class IN ('tv', 'phone', 'tablet', 'desktop')),
    -- The device's resolved limits: manifests are filtered with these.
    max_height        INTEGER     NOT NULL CHECK (max_height > 0),
    codecs            TEXT[]      NOT NULL,
    -- The renditions the session may use, as returned when it started: [{id, width, height, codec, bandwidth}].
    renditions        JSONB       NOT NULL,
    -- Steering's order for the client, without tokens (they are signed on demand): [{id, kind, baseUrl}].
    edges             JSONB       NOT NULL,
    token_expires_at  TIMESTAMPTZ NOT NULL,
    client_address    TEXT        NOT NULL,
    idempotency_key   TEXT CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
    state             TEXT        NOT NULL CHECK (state IN ('LIVE', 'STOPPED', 'EXPIRED')),
    started_at        TIMESTAMPTZ NOT NULL,
    last_heartbeat_at TIMESTAMPTZ NOT NULL,
    -- A live session past this instant is over: the sweeper ends it and it no longer holds a slot.
    expires_at        TIMESTAMPTZ NOT NULL,
    ended_at          TIMESTAMPTZ,
    position_millis   BIGINT      NOT NULL DEFAULT 0 CHECK (position_millis >= 0),
    CONSTRAINT sessions_ended_matches_state CHECK ((state = 'LIVE') = (ended_at IS NULL))
);

-- A retried start with the same Idempotency-Key returns the same session.
CREATE UNIQUE INDEX sessions_idempotency_key ON sessions (account_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- Counting and listing an account's live sessions.
CREATE INDEX sessions_live_by_account ON sessions (account_id, started_at DESC) WHERE state = 'LIVE';
-- The expiry sweeper.
CREATE INDEX sessions_live_by_expiry ON sessions (expires_at) WHERE state = 'LIVE';
