-- Consultation requests (三方通话 in data, issue 12 part 5): a call-taker asks 12345 to take an unclear call; 12345
-- accepts, declines or lets it expire (首接负责: the call stays with 110). One per call.
create table call_consultation (
    id            uuid primary key,
    call_id       uuid not null unique references call (id),
    note          text not null,
    status        varchar(16) not null,
    requested_by  varchar(100) not null,
    requested_at  timestamptz not null,
    expires_at    timestamptz not null,
    decided_by    varchar(100),
    decided_at    timestamptz,
    reason        text,
    category_code varchar(40)
);
