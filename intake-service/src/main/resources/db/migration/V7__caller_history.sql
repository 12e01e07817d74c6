-- The caller's history across 110 and 12345 (issue 12 part 4).
-- caller_hash: HMAC-SHA256 of the normalised number under linkage.caller-hash.key (hex), the only key calls are
-- matched on. No backfill: SQL cannot compute it without the key, and doing it in Java at start-up would rewrite
-- every stored call (a year is about a million rows) before the service answers. Calls from before this version
-- carry no hash and are simply not matched; history starts with this version and fills within the rules' windows.
alter table call add column caller_hash varchar(64);
-- The look-up: one caller, newest first, within a window. Partial, so calls without a number cost nothing.
create index call_caller_hash on call (caller_hash, received_at desc) where caller_hash is not null;

-- Warnings raised for a call, one row per rule: recorded when the history is looked at, idempotently (the key),
-- and counted per category and district for supervisors.
create table risk_warning (
    call_id       uuid        not null references call (id),
    rule_code     varchar(40) not null,
    kind          varchar(30) not null,
    category_code varchar(40),
    district_code varchar(20),
    raised_at     timestamptz not null,
    raised_by     varchar(100) not null,
    -- the call and ticket numbers that made it fire
    evidence      text        not null,
    primary key (call_id, rule_code)
);
create index risk_warning_raised on risk_warning (raised_at);
