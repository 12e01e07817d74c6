-- Audit ids come fifty at a time (AuditEntry: a pooled sequence), so a transaction's entries are inserted in one batch
-- at its flush rather than one statement each, at once, to learn the id. The identity column stays: a row inserted by
-- SQL alone still gets a number past every block handed out. Repeatable and idempotent for the same reason as
-- R__outbox_parked.sql.
alter table audit_entry alter column id set increment by 50;
