-- Evidence on calls (issue 13 part 1, the 110 side): photos, recordings and documents a call-taker or officer attaches.
-- As on the router's tickets, the description and the bytes are two tables, so listing never reads megabytes and
-- the bytes sit behind a port whose local default is this database.
create table call_attachment (
    id           uuid          primary key,
    call_id      uuid          not null references call (id),
    file_name    varchar(200)  not null,
    content_type varchar(100)  not null,
    size_bytes   bigint        not null check (size_bytes > 0),
    sha256       char(64)      not null,
    uploaded_by  varchar(200)  not null,
    uploaded_at  timestamptz   not null,
    -- When the router took the file onto the call's 12345 ticket (null: not yet, or the call has no ticket).
    forwarded_at timestamptz,
    -- Why the router refused it for good (e.g. the ticket was closed meanwhile): it is not offered again.
    forward_refused varchar(300)
);
create index call_attachment_call on call_attachment (call_id, uploaded_at);
-- The forwarding worker's scan: only what still waits is indexed.
create index call_attachment_unforwarded on call_attachment (uploaded_at)
    where forwarded_at is null and forward_refused is null;

create table call_attachment_content (
    id      uuid  primary key references call_attachment (id),
    content bytea not null
);
alter table call_attachment_content alter column content set storage external;
