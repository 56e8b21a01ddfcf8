-- Personalization: the catalog view, viewing interactions, trending, trained models, artwork statistics and
-- experiment exposures. Everything here is derived from events and can be rebuilt by replaying the topics.

-- The catalog as personalization sees it: the latest snapshot per title from reel.catalog.titles.v1. An event older
-- than the stored one (occurred_at) never overwrites it.
CREATE TABLE titles (
    title_id        UUID PRIMARY KEY,
    type            TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    year            INT         NOT NULL,
    runtime_minutes INT,
    maturity        TEXT        NOT NULL,
    genres          TEXT[]      NOT NULL,
    artwork_urls    TEXT[]      NOT NULL,
    published       BOOLEAN     NOT NULL,
    published_at    TIMESTAMPTZ,
    playable        BOOLEAN     NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- One row per (profile, title): strength is the largest watch fraction seen (0..1; a start alone counts 0.05).
CREATE TABLE interactions (
    profile_id      UUID             NOT NULL,
    title_id        UUID             NOT NULL,
    account_id      UUID             NOT NULL,
    strength        DOUBLE PRECISION NOT NULL CHECK (strength >= 0 AND strength <= 1),
    plays           INT              NOT NULL CHECK (plays >= 0),
    last_played_at  TIMESTAMPTZ      NOT NULL,
    changed_at      TIMESTAMPTZ      NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (profile_id, title_id)
);
CREATE INDEX interactions_changed_idx ON interactions (changed_at);

-- Time-decayed starts per title: score is the sum over starts of exp(-ln2 * age / half-life), as of as_of.
CREATE TABLE trending (
    title_id    UUID PRIMARY KEY,
    score       DOUBLE PRECISION NOT NULL CHECK (score >= 0),
    as_of       TIMESTAMPTZ      NOT NULL,
    starts      BIGINT           NOT NULL CHECK (starts >= 0)
);

-- Trained ALS models: factors as libs/recs bytes, and the row -> id maps of the matrix they were trained on.
CREATE TABLE models (
    model_id        UUID PRIMARY KEY,
    trained_at      TIMESTAMPTZ NOT NULL,
    source_changed_at TIMESTAMPTZ,
    users           INT         NOT NULL,
    items           INT         NOT NULL,
    interactions    INT         NOT NULL,
    training_millis BIGINT      NOT NULL,
    profile_ids     UUID[]      NOT NULL,
    title_ids       UUID[]      NOT NULL,
    factors         BYTEA       NOT NULL
);
CREATE INDEX models_trained_idx ON models (trained_at DESC);

-- Artwork bandit counts per (title, artwork).
CREATE TABLE artwork_stats (
    title_id     UUID   NOT NULL,
    artwork_url  TEXT   NOT NULL,
    impressions  BIGINT NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    clicks       BIGINT NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    PRIMARY KEY (title_id, artwork_url)
);

-- ExperimentExposed is published once per (account, experiment, cell, day): the row is written in the transaction
-- that appends the event to the outbox.
CREATE TABLE experiment_exposures (
    account_id  UUID NOT NULL,
    experiment  TEXT NOT NULL,
    cell        TEXT NOT NULL,
    day         DATE NOT NULL,
    PRIMARY KEY (account_id, experiment, cell, day)
);

-- Event ids already applied, so a redelivered event changes nothing.
CREATE TABLE consumed_events (
    event_id    UUID PRIMARY KEY,
    event_type  TEXT        NOT NULL,
    consumed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
