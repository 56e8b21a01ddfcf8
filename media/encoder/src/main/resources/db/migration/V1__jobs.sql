-- Encoding jobs and their tasks: the durable work queue every encoder instance shares. Workers claim tasks with
-- FOR UPDATE SKIP LOCKED under a lease they renew while ffmpeg runs; a task whose lease ran out (its worker died) is
-- claimed again. A stage advances in the transaction that completes its last task, with the job row locked.
CREATE TABLE jobs (
    id                     UUID PRIMARY KEY,
    title_id               UUID        NOT NULL,
    upload_id              UUID        NOT NULL,
    master_path            TEXT        NOT NULL,
    ladder_mode            TEXT        NOT NULL CHECK (ladder_mode IN ('PER_TITLE', 'FIXED')),
    profile                TEXT        NOT NULL CHECK (profile IN ('STANDARD', 'FAST')),
    state                  TEXT        NOT NULL CHECK (state IN ('QUEUED', 'ANALYSING', 'ENCODING', 'PACKAGING',
                                                                 'PUBLISHING', 'DONE', 'FAILED')),
    percent                INT         NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    eta_seconds            BIGINT,
    -- the percentage last announced with EncodingProgressed, so events go out every 10 points at most
    announced_percent      INT         NOT NULL DEFAULT 0,
    failed_stage           TEXT,
    failure_reason         TEXT,
    attempt                INT         NOT NULL DEFAULT 1,
    media_info             JSONB,
    ladder                 JSONB,
    fixed_ladder           JSONB,
    chunk_plan             JSONB,
    result                 JSONB,
    requested_by           UUID        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at             TIMESTAMPTZ,
    stage_started_at       TIMESTAMPTZ,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at            TIMESTAMPTZ
);

CREATE INDEX jobs_by_created ON jobs (created_at DESC, id);
CREATE INDEX jobs_by_title ON jobs (title_id, created_at DESC);
CREATE INDEX jobs_by_state ON jobs (state, created_at DESC);

CREATE TABLE tasks (
    id            BIGSERIAL PRIMARY KEY,
    job_id        UUID        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    stage         TEXT        NOT NULL CHECK (stage IN ('ANALYSING', 'ENCODING', 'PACKAGING', 'PUBLISHING')),
    kind          TEXT        NOT NULL CHECK (kind IN ('ANALYSE', 'VIDEO_CHUNK', 'AUDIO', 'SUBTITLES', 'TRICKPLAY',
                                                       'PACKAGE', 'PUBLISH')),
    -- the rung index for VIDEO_CHUNK, else 0
    rung          INT         NOT NULL DEFAULT 0,
    -- the chunk index for VIDEO_CHUNK, the audio track ordinal for AUDIO, else 0
    part          INT         NOT NULL DEFAULT 0,
    state         TEXT        NOT NULL DEFAULT 'READY' CHECK (state IN ('READY', 'RUNNING', 'DONE', 'FAILED')),
    attempts      INT         NOT NULL DEFAULT 0,
    not_before    TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_owner   TEXT,
    lease_until   TIMESTAMPTZ,
    -- relative cost, for progress within a stage (pixels × seconds for video)
    weight        BIGINT      NOT NULL DEFAULT 1 CHECK (weight > 0),
    output        JSONB,
    error         TEXT,
    cpu_millis    BIGINT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    UNIQUE (job_id, kind, rung, part)
);

-- Claiming: ready tasks in queue order, and running tasks by lease expiry.
CREATE INDEX tasks_ready ON tasks (id) WHERE state = 'READY';
CREATE INDEX tasks_leased ON tasks (lease_until) WHERE state = 'RUNNING';
CREATE INDEX tasks_by_job_stage ON tasks (job_id, stage, state);
