-- An Open311 client's media_url (issue 13 part 1), kept as the link it sent and never fetched (docs/open311.md).
alter table open311_request add column media_url varchar(2000);
