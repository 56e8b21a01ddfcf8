-- Profiles of an account. Names are unique per account regardless of case. The maturity ceiling is a
-- dev.reel.events.Maturity label; a kids profile never goes above 7+.
create table profiles (
    id               uuid primary key,
    account_id       uuid        not null references accounts (id) on delete cascade,
    name             text        not null check (char_length(name) between 1 and 40),
    avatar           text        not null,
    language         text        not null,
    kids             boolean     not null,
    maturity_ceiling text        not null check (maturity_ceiling in ('ALL', '7+', '13+', '16+', '18+')),
    created_at       timestamptz not null,
    constraint profiles_kids_ceiling_ck check (not kids or maturity_ceiling in ('ALL', '7+'))
);

create unique index profiles_account_name_uq on profiles (account_id, lower(name));
