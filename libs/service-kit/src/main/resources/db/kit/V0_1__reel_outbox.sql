-- The transactional outbox of the service kit: events written in the same transaction as the data
-- they describe, relayed to Kafka after commit.
CREATE TABLE reel_outbox (
    id             BIGSERIAL PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    topic          TEXT        NOT NULL,
    record_key     TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    schema_version INT         NOT NULL,
    payload        JSONB       NOT NULL,
    correlation_id TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);

CREATE INDEX reel_outbox_pending ON reel_outbox (id) WHERE published_at IS NULL;
CREATE INDEX reel_outbox_published ON reel_outbox (published_at) WHERE published_at IS NOT NULL;
