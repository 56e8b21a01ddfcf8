-- Catalog schema: genres, titles (movies and series), their cast, genres and artwork, seasons and episodes.

CREATE TABLE genres (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
    slug       TEXT        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT genres_slug_key UNIQUE (slug)
);
-- Names are unique ignoring case; browsing orders by the same expression.
CREATE UNIQUE INDEX genres_name_ci_key ON genres (lower(name));

CREATE TABLE titles (
    id              UUID PRIMARY KEY,
    type            TEXT        NOT NULL CHECK (type IN ('MOVIE', 'SERIES')),
    name            TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    synopsis        TEXT        NOT NULL,
    release_year    INTEGER     NOT NULL,
    runtime_minutes INTEGER CHECK (runtime_minutes > 0),
    maturity        TEXT        NOT NULL
        CHECK (maturity IN ('ALL', 'SEVEN_PLUS', 'THIRTEEN_PLUS', 'SIXTEEN_PLUS', 'EIGHTEEN_PLUS')),
    state           TEXT        NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED')),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    published_at    TIMESTAMPTZ,
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT titles_published_at_matches_state CHECK ((state = 'PUBLISHED') = (published_at IS NOT NULL))
);
-- Browse order for everyone: newest published first, then newest created, then id (stable pagination).
CREATE INDEX titles_published_browse_idx ON titles (published_at DESC NULLS LAST, created_at DESC, id)
    WHERE state = 'PUBLISHED';
-- Admin lists (all states, or drafts only).
CREATE INDEX titles_state_browse_idx ON titles (state, published_at DESC NULLS LAST, created_at DESC, id);

CREATE TABLE title_genres (
    title_id UUID NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    genre_id UUID NOT NULL REFERENCES genres (id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    PRIMARY KEY (title_id, genre_id)
);
-- Genre browse: titles of one genre.
CREATE INDEX title_genres_genre_idx ON title_genres (genre_id, title_id);

CREATE TABLE title_cast (
    title_id UUID    NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    name     TEXT    NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (title_id, ordinal)
);

CREATE TABLE artworks (
    id       UUID PRIMARY KEY,
    title_id UUID    NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL CHECK (kind IN ('BOXART', 'HERO', 'LOGO')),
    url      TEXT    NOT NULL,
    width    INTEGER CHECK (width > 0),
    height   INTEGER CHECK (height > 0),
    ordinal  INTEGER NOT NULL,
    CONSTRAINT artworks_title_ordinal_key UNIQUE (title_id, ordinal)
);

CREATE TABLE seasons (
    title_id UUID    NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    number   INTEGER NOT NULL CHECK (number > 0),
    name     TEXT,
    PRIMARY KEY (title_id, number)
);

CREATE TABLE episodes (
    id              UUID PRIMARY KEY,
    title_id        UUID    NOT NULL,
    season_number   INTEGER NOT NULL,
    number          INTEGER NOT NULL CHECK (number > 0),
    name            TEXT    NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    synopsis        TEXT    NOT NULL DEFAULT '',
    runtime_minutes INTEGER NOT NULL CHECK (runtime_minutes > 0),
    CONSTRAINT episodes_season_fk FOREIGN KEY (title_id, season_number)
        REFERENCES seasons (title_id, number) ON DELETE CASCADE,
    CONSTRAINT episodes_number_key UNIQUE (title_id, season_number, number)
);
