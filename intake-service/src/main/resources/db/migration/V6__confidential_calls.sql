-- A caller may ask that the department not learn who they are (保密, issue 12 part 3); the referral carries it.
alter table call add column confidential boolean not null default false;
