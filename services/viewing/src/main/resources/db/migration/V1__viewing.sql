-- Viewing: bookmarks, history and Continue Watching per profile, and the catalog facts next-episode logic needs.
--
-- Every table is shaped for the Cassandra adapter to come (see the README): the first primary key column is the
-- partition key (profile_id for everything a member reads), the others are clustering columns, and every query
-- reads one partition by key or key prefix. Nothing joins tables or filters on a non-key column. episode_key is the
-- episode id, or the nil UUID for a movie (a clustering column cannot be null); episode_id keeps the null.

-- The resume point and the history counters of one (title, episode) of a profile: the source of truth.
CREATE TABLE bookmarks_by_profile (
    profile_id       UUID        NOT NULL,
    title_id         UUID        NOT NULL,
    episode_key      UUID        NOT NULL,
    episode_id       UUID,
    position_millis  BIGINT      NOT NULL CHECK (position_millis >= 0),
    duration_millis  BIGINT      NOT NULL CHECK (duration_millis >= 0),
    -- position_millis >= watched-fraction * duration_millis, as of the latest event
    watched          BOOLEAN     NOT NULL,
    -- occurredAt of the latest event applied: also the history row's last_watched_at
    updated_at       TIMESTAMPTZ NOT NULL,
    first_watched_at TIMESTAMPTZ NOT NULL,
    -- the first time the bookmark was watched; stays set when a re-watch starts over
    completed_at     TIMESTAMPTZ,
    watched_millis   BIGINT      NOT NULL CHECK (watched_millis >= 0),
    PRIMARY KEY (profile_id, title_id, episode_key)
);

-- The same rows clustered by time for the history page, newest first. A move of last_watched_at (a clustering column)
-- is a delete of the old row and an insert of the new one, as it would be in Cassandra.
CREATE TABLE history_by_profile (
    profile_id       UUID        NOT NULL,
    last_watched_at  TIMESTAMPTZ NOT NULL,
    title_id         UUID        NOT NULL,
    episode_key      UUID        NOT NULL,
    episode_id       UUID,
    position_millis  BIGINT      NOT NULL,
    duration_millis  BIGINT      NOT NULL,
    watched          BOOLEAN     NOT NULL,
    first_watched_at TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    watched_millis   BIGINT      NOT NULL,
    PRIMARY KEY (profile_id, last_watched_at, title_id, episode_key)
);

-- At most one entry per (profile, title), clustered by time: the episode (or movie) to resume, or the next episode.
CREATE TABLE continue_by_profile (
    profile_id      UUID        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    title_id        UUID        NOT NULL,
    episode_id      UUID,
    position_millis BIGINT      NOT NULL,
    duration_millis BIGINT      NOT NULL,
    next_episode    BOOLEAN     NOT NULL,
    PRIMARY KEY (profile_id, updated_at, title_id)
);

-- Per (profile, title): where its Continue Watching row is clustered, and when the profile removed the title from its
-- history (events that happened at or before removed_at are ignored). PostgreSQL locks this row while an event or a
-- removal is applied, so the two never interleave.
CREATE TABLE titles_by_profile (
    profile_id  UUID NOT NULL,
    title_id    UUID NOT NULL,
    continue_at TIMESTAMPTZ,
    removed_at  TIMESTAMPTZ,
    PRIMARY KEY (profile_id, title_id)
);

-- Where each live session's playhead was at its latest event, to count watch time. Deleted when the session stops.
CREATE TABLE session_progress (
    session_id      UUID PRIMARY KEY,
    position_millis BIGINT      NOT NULL,
    at              TIMESTAMPTZ NOT NULL
);

-- The catalog as viewing needs it, from catalog snapshots: names for the API, runtimes for durations that events
-- leave at 0, and each series' episodes [{episodeId, seasonNumber, number, name, runtimeMinutes}] in order.
CREATE TABLE titles (
    title_id        UUID PRIMARY KEY,
    type            TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    maturity        TEXT        NOT NULL,
    runtime_minutes INTEGER,
    published       BOOLEAN     NOT NULL,
    episodes        JSONB       NOT NULL,
    snapshot_at     TIMESTAMPTZ NOT NULL
);

-- Event ids already applied, so a redelivered event changes nothing.
CREATE TABLE consumed_events (
    event_id    UUID PRIMARY KEY,
    event_type  TEXT        NOT NULL,
    consumed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
