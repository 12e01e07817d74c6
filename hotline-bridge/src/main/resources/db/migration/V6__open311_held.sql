-- Open311 requests received while intake's classifier could not be reached (issue 10, item 12): nothing is
-- filed until the police check has run, so a possible police matter never becomes a 12345 ticket unchecked.
-- Rows hold the caller's contact details and are deleted once the request is filed or handed to 110.
create table open311_held (
    token           varchar(60)   primary key references open311_token (token),
    client_id       varchar(60)   not null,
    idempotency_key varchar(100)  not null,
    request         text          not null,
    received_at     timestamptz   not null,
    attempts        integer       not null default 0,
    next_check_at   timestamptz   not null,
    last_error      varchar(500)
);
create index open311_held_due on open311_held (next_check_at);
