-- Consecutive failed logins per lower-cased email (known or not) and the current lockout.
create table login_failures (
    email_key      text primary key,
    failed_count   integer     not null check (failed_count > 0),
    locked_until   timestamptz,
    last_failed_at timestamptz not null
);
