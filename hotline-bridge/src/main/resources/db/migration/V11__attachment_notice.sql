-- Attachment notices (issue 13 part 1): a file added to a ticket a unit already has is delivered to the unit's system
-- as a row of its own kind, with its own key (<ticketId>:attachment:<attachmentId>), retried and circuit-broken like a
-- ticket version but outside the versions' supersession (docs/webhook-signing.md, section 1b). ticket_version is the
-- version the unit held when the notice was made. Existing rows are ticket versions.
alter table delivery add column kind varchar(30) not null default 'TICKET';
alter table delivery add column attachment_id uuid;
