-- Status report ids fifty at a time (TicketStatusReport: a pooled sequence), so the reports of one poll of
-- linkage.tickets are inserted in one batch instead of one statement each, at once, to learn the id.
alter table ticket_status_report alter column id set increment by 50;
