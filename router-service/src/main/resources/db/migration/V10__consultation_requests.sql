-- Consultation requests from 110 (三方通话 in data, issue 12 part 5): a dispatcher accepts or declines within the
-- time limit, or the request expires and the call stays with 110 (首接负责).
create table consultation_request (
    id                    uuid primary key,
    call_id               uuid not null,
    call_number           varchar(40) not null,
    suggested_disposition varchar(16),
    category_code         varchar(40),
    content               text,
    address               text,
    district_code         varchar(20),
    note                  text not null,
    requested_by          varchar(100) not null,
    requested_at          timestamptz not null,
    expires_at            timestamptz not null,
    status                varchar(16) not null,
    decided_by            varchar(100),
    decided_at            timestamptz,
    reason                text,
    accepted_category     varchar(40),
    ticket_number         varchar(40)
);
-- the dispatchers' live list and the expiry run read pending requests by their time limit
create index consultation_request_pending on consultation_request (expires_at) where status = 'PENDING';
create index consultation_request_call on consultation_request (call_id);
