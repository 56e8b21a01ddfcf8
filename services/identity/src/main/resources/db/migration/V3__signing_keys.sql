-- RSA key pairs that sign access tokens, shared by every identity instance. At most one key is active (signs new
-- tokens); every stored key is published in the JWKS.
create table signing_keys (
    kid         text primary key,
    algorithm   text        not null default 'RS256',
    private_key bytea       not null, -- PKCS#8 DER
    public_key  bytea       not null, -- X.509 SubjectPublicKeyInfo DER
    created_at  timestamptz not null,
    active      boolean     not null
);

create unique index signing_keys_one_active_uq on signing_keys (active) where active;
