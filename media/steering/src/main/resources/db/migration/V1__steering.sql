-- Steering: the appliance fleet, title popularity and fill plans.

-- The last report of every appliance that ever reported, so a restarted steering knows its fleet.
CREATE TABLE appliances (
    id          TEXT PRIMARY KEY,
    report      JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

-- Time-decayed popularity per title: score is the sum over views of exp(-ln2 * age / half-life), as of as_of;
-- watched_score the same sum over bytes watched (from heartbeats), as of watched_as_of.
CREATE TABLE title_popularity (
    title_id        UUID PRIMARY KEY,
    score           DOUBLE PRECISION NOT NULL CHECK (score >= 0),
    as_of           TIMESTAMPTZ      NOT NULL,
    views           BIGINT           NOT NULL CHECK (views >= 0),
    last_viewed_at  TIMESTAMPTZ,
    watched_score   DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (watched_score >= 0),
    watched_as_of   TIMESTAMPTZ,
    watched_bytes   BIGINT           NOT NULL DEFAULT 0 CHECK (watched_bytes >= 0)
);

-- Where each live session was at its last heartbeat, to turn the next one into bytes watched. Deleted on stop.
CREATE TABLE session_progress (
    session_id      UUID PRIMARY KEY,
    title_id        UUID        NOT NULL,
    position_millis BIGINT      NOT NULL,
    bitrate_bps     BIGINT      NOT NULL,
    at              TIMESTAMPTZ NOT NULL
);

-- Event ids already applied, so a redelivered event changes nothing.
CREATE TABLE consumed_events (
    event_id    UUID PRIMARY KEY,
    event_type  TEXT        NOT NULL,
    consumed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Fill plans: one row per planning run.
CREATE TABLE fill_plans (
    id         UUID PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    trigger    TEXT        NOT NULL CHECK (trigger IN ('ON_DEMAND', 'OFF_PEAK'))
);
CREATE INDEX fill_plans_created_idx ON fill_plans (created_at DESC);

-- One plan's placement on one appliance. titles: [{titleId, version, bytes}] densest first; fetch: [{titleId,
-- version}] and drop: [titleId] against what the appliance held when the plan was made; pinned: [titleId].
CREATE TABLE fill_plan_appliances (
    plan_id                   UUID             NOT NULL REFERENCES fill_plans (id) ON DELETE CASCADE,
    appliance_id              TEXT             NOT NULL,
    network                   TEXT             NOT NULL,
    tier                      TEXT             NOT NULL,
    capacity_bytes            BIGINT           NOT NULL,
    bytes                     BIGINT           NOT NULL,
    predicted_byte_hit_ratio  DOUBLE PRECISION NOT NULL,
    titles                    JSONB            NOT NULL,
    fetch_titles              JSONB            NOT NULL,
    drop_titles               JSONB            NOT NULL,
    pinned                    JSONB            NOT NULL,
    PRIMARY KEY (plan_id, appliance_id)
);
-- Every report looks up its appliance's part of the latest plan.
CREATE INDEX fill_plan_appliances_appliance_idx ON fill_plan_appliances (appliance_id);

-- The off-peak trigger's ledger: one row per (day, window). An instance claims the row first and plans in the same
-- transaction, so with several instances exactly one plans per day (the foreign key is checked at commit).
CREATE TABLE fill_windows (
    day         DATE NOT NULL,
    window_spec TEXT NOT NULL,
    plan_id UUID NOT NULL REFERENCES fill_plans (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (day, window_spec)
);
