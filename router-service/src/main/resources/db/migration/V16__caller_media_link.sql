-- The caller's own photo link (Open311 media_url, issue 13 part 1) on the ticket, so the units, the dispatchers and
-- the console see the picture the caller pointed to. A link, never fetched by Linkage (no server of ours connects to
-- an address a client chose); checked as https on a public DNS name by MediaLink before it is stored. Outbound
-- webhooks and Open311 filings do not carry it: they carry the router's own expiring attachment links only.
alter table ticket add column caller_media_url varchar(2000);
