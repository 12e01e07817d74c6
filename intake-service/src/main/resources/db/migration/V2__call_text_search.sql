-- Call text search (GET /api/calls?text=) is a case-insensitive substring match (ilike '%x%'), which a
-- b-tree cannot serve. Trigram GIN indexes can: PostgreSQL uses them for ilike on the plain column, so
-- the index expression is the column itself and the query needs no lower().
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without superuser.
-- CJK characters count as word characters only under a UTF-8 LC_CTYPE (C.UTF-8, zh_CN.UTF-8, ...);
-- under LC_CTYPE=C the Chinese part of a text yields no trigrams and such searches fall back to a scan.
-- A term needs at least three characters to give a trigram; shorter terms (工资) scan, as before.
create extension if not exists pg_trgm;

create index call_content_trgm on call using gin (content gin_trgm_ops);
create index call_address_trgm on call using gin (address gin_trgm_ops);
create index call_title_trgm on call using gin (title gin_trgm_ops);
create index call_number_trgm on call using gin (call_number gin_trgm_ops);
create index call_incident_number_trgm on call using gin (incident_number gin_trgm_ops);

-- The hand-back queue pages WAITING oldest first (state, received_at, id: V1's index plus the tie-break)
-- and ACCEPTED newest accepted first.
drop index police_transfer_state;
create index police_transfer_waiting on police_transfer (state, received_at, id);
create index police_transfer_accepted on police_transfer (state, accepted_at desc, id desc);
