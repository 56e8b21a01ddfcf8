-- The episode a session plays (a series' episode the member picked; null for a movie or a series played as a whole)
-- and the title's media duration when the session started (0 = unknown), both carried in every playback event.
-- The media is still the title's: the encoder and catalog have no per-episode media yet.
ALTER TABLE sessions
    ADD COLUMN episode_id      UUID,
    ADD COLUMN duration_millis BIGINT NOT NULL DEFAULT 0 CHECK (duration_millis >= 0);
