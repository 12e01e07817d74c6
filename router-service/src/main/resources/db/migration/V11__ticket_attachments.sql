-- Evidence on tickets (issue 13 part 1): photos, recordings and documents. The description and the bytes are two
-- tables: listing a ticket's attachments never reads megabytes, and the bytes sit behind a port (AttachmentStore)
-- whose local default is this database; an S3-compatible store would replace attachment_content only.
create table ticket_attachment (
    id              uuid          primary key,
    ticket_id       uuid          not null references ticket (id),
    file_name       varchar(200)  not null,
    content_type    varchar(100)  not null,
    size_bytes      bigint        not null check (size_bytes > 0),
    sha256          char(64)      not null,
    department_code varchar(40),
    uploaded_by     varchar(200)  not null,
    uploaded_at     timestamptz   not null
);
create index ticket_attachment_ticket on ticket_attachment (ticket_id, uploaded_at);

-- bytea rather than large objects: see PostgresAttachmentStore. Photos and recordings are compressed already, so
-- the column is stored out of line without another (futile) compression attempt.
create table attachment_content (
    id      uuid  primary key references ticket_attachment (id),
    content bytea not null
);
alter table attachment_content alter column content set storage external;

-- The catalogue may require evidence with a unit's reply (答复须附现场照片等), per category and rule version.
alter table dispatch_rule add column attachment_required boolean not null default false;
