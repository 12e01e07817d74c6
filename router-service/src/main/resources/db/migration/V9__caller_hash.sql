-- The caller's history across 110 and 12345 (issue 12 part 4): the caller's number as HMAC-SHA256 under the key
-- intake and the router share (linkage.caller-hash.key), carried on ReferralCreated or computed here for a request
-- that reached 12345 directly. No backfill: SQL cannot compute it without the key, and rewriting every ticket at
-- start-up would grow with the stored data. Older tickets are simply not matched.
alter table ticket add column caller_hash varchar(64);
create index ticket_caller_hash on ticket (caller_hash, created_at desc) where caller_hash is not null;
