-- A call closed as answered from the 12345 knowledge base (咨询直接答复): decision ANSWERED, no referral.
-- The cited articles (id, version, title as the call-taker saw them) are kept as JSON with the note.
alter table call add column answer_articles text;
alter table call add column answer_note varchar(1000);
