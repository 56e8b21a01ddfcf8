-- Accounts. Emails are unique regardless of case; lookups use lower(email) and hit the same index.
create table accounts (
    id            uuid primary key,
    email         text        not null,
    password_hash text        not null,
    display_name  text        not null,
    roles         text[]      not null default '{member}',
    status        text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    created_at    timestamptz not null
);

create unique index accounts_email_lower_uq on accounts (lower(email));
