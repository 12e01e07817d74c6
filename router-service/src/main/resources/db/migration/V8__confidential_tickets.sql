-- Confidential cases (保密, issue 12 part 3): the caller's contact never reaches a department; 12345 calls back.
alter table ticket add column confidential boolean not null default false;
