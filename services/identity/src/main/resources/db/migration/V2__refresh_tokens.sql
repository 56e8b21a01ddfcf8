-- Rotating refresh tokens. Only the SHA-256 hash of a token is stored. All tokens descending from one login share
-- a family; presenting a used token revokes the whole family.
create table refresh_tokens (
    id         uuid primary key,
    account_id uuid        not null references accounts (id) on delete cascade,
    family_id  uuid        not null,
    token_hash bytea       not null unique check (octet_length(token_hash) = 32),
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_expires_idx on refresh_tokens (expires_at);
