-- Duplicate candidates (重复件) from one indexed query (issue 14): the category's tickets of the window, walked in
-- order of text similarity (pg_trgm's <->), best first. The index holds category, creation time and the content's
-- trigrams together (btree_gist gives GiST the b-tree types), so the walk never leaves the category's window and
-- costs the same however many tickets are stored. Merged tickets and those handed to the police are never
-- candidates and are left out of the index. Both extensions are trusted: the database owner may create them.
-- As for intake's trigram search, Chinese characters give trigrams only under a UTF-8 LC_CTYPE (deploy/k8s
-- clusters.yaml).
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

create index ticket_duplicate_text on ticket using gist (category_code, created_at, content gist_trgm_ops)
    where status not in ('MERGED', 'TRANSFERRED_TO_POLICE');

-- Whether any ticket was ever merged into this one: each status change of a master is sent for its merged tickets
-- too, and the flag spares every other ticket's status change the query for them. Never cleared (a ticket merged
-- away takes its own merged tickets along, and a merged ticket's status changes are not followed).
alter table ticket add column has_merged_tickets boolean not null default false;
update ticket m set has_merged_tickets = true
where exists (select 1 from ticket c where c.master_ticket_id = m.id);
