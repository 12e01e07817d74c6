-- Contacts 12345 answered itself from the knowledge base (咨询直接答复, issue 12 part 1), beside the calls 110
-- answered: both count as resolved at first contact, so they share the table the first-contact figures read.
-- call_id holds the contact's own id and call_number its contact number (12345-C-yyyyMMdd-nnnnnn) for line 12345.
alter table consultation add column line varchar(5) not null default '110' check (line in ('110', '12345'));
alter table consultation add column channel varchar(20);
alter table consultation add column question varchar(2000);
alter table consultation add column note varchar(1000);
-- the version of each cited article that was published when the answer was given, parallel to article_ids
alter table consultation add column article_versions integer[];
alter table consultation add column idempotency_key varchar(100);
alter table consultation add column request_hash varchar(64);

create unique index consultation_contact_number on consultation (call_number) where line = '12345';
create unique index consultation_idempotency on consultation (answered_by, idempotency_key) where idempotency_key is not null;
create sequence contact_number_seq;
