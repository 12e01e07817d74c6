-- The caller may refuse text-message receipts about their case (issue 12); the referral carries the choice.
alter table call add column receipts_opt_out boolean not null default false;
