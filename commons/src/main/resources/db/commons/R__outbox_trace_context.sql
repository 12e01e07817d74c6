-- The W3C trace context (traceparent, tracestate) of the work that wrote an event, so the relay publishes it under the
-- same trace and a consumer continues it. Repeatable and idempotent for the same reason as R__outbox_parked.sql.
alter table outbox_event add column if not exists traceparent varchar(55);
alter table outbox_event add column if not exists tracestate varchar(512);
alter table outbox_parked add column if not exists traceparent varchar(55);
alter table outbox_parked add column if not exists tracestate varchar(512);
