-- The trace a delivery belongs to (W3C traceparent/tracestate of the dispatch that asked for it): each attempt, made
-- later by the delivery worker, continues it, and the webhook carries it to the department.
alter table delivery add column traceparent varchar(55);
alter table delivery add column tracestate varchar(512);
