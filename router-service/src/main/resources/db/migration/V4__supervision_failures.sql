-- A ticket whose supervision step fails (bad data, a fault in the step) is set aside here instead of
-- being retried on every run: the ladder skips it until retry_at, doubling the wait after each failure,
-- and the row is removed as soon as a run gets through the ticket again. Operators see why it failed.
create table supervision_failure (
    ticket_id      uuid          primary key references ticket (id),
    failures       int           not null,
    last_error     varchar(2000) not null,
    last_failed_at timestamptz   not null,
    retry_at       timestamptz   not null
);
