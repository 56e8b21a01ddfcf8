-- Per-title CENC content keys, wrapped under the licence public key. No column holds a key in clear.
CREATE TABLE content_keys (
    key_id      bytea       PRIMARY KEY CHECK (octet_length(key_id) = 16),
    title_id    uuid        NOT NULL,
    job_id      uuid        NOT NULL,
    -- RSA-OAEP (SHA-256, MGF1-SHA-256) encryption of the 16-byte key under the licence public key
    wrapped_key bytea       NOT NULL,
    algorithm   text        NOT NULL,
    -- SHA-256 over a domain label, the key id and the key: lets the writer (which cannot unwrap) tell a
    -- repeated store of the same key from a conflicting one, and lets the reader verify what it unwrapped.
    key_check   bytea       NOT NULL CHECK (octet_length(key_check) = 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX content_keys_title_idx ON content_keys (title_id, created_at);
