-- The audit trail is append-only: an entry, once written, is never changed or removed, not even by a bug or a
-- stolen application login. The trigger refuses UPDATE, DELETE and TRUNCATE whoever asks; only the migration role,
-- which owns the table, could drop it, and the services run as a role that owns nothing (README, "Production").
-- Repeatable rather than V0_x for the same reason as R__outbox_parked.sql.
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only' using errcode = 'insufficient_privilege';
end $$;

drop trigger if exists audit_entry_no_rewrite on audit_entry;
create trigger audit_entry_no_rewrite before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
drop trigger if exists audit_entry_no_truncate on audit_entry;
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
