-- The caller's public case look-up (issue 12): what the read model needs beyond Open311, and the attempt counters.
-- Only a slow salted hash of the retrieval code is kept, so a copy of this table does not open anyone's case.
alter table open311_request add column retrieval_hash varchar(120);
alter table open311_request add column answer text;
alter table open311_request add column department_name_zh varchar(200);
alter table open311_request add column department_name_en varchar(200);
-- Each update keeps the router's status and the step's public note (null when the step had none).
alter table open311_update add column ticket_status varchar(40);
alter table open311_update add column public_note varchar(4000);

-- Look-up attempts per client address and per ticket number, in fixed windows, shared by every replica.
create table public_lookup_limit (
    bucket       varchar(120) primary key,
    window_start timestamptz  not null,
    attempts     int          not null
);
